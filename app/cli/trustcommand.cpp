// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli trust: trust host signing keys (a key, a fingerprint of a quarantined signer, or a trust file),
// then import the archives those keys had left in quarantine. `quarantine trust` is the same decision.
#include "clicommon.h"
#include "truststore.h"

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using Flight::Format::PublicKey;

namespace Deck::Cli {

// Trusts each of `keys` (key text or the fingerprint of a held signer), then imports their held archives.
int trustAndRelease(Database &db, const QStringList &keys, const QString &label, const QString &host,
                    const ImportOptions &options, bool json)
{
    TrustStore store(db);
    QList<std::pair<PublicKey, QString>> wanted; // key, label
    for (const QString &text : keys) {
        if (text.startsWith("BLAKE2B:"_L1)) {
            auto signer = store.heldSigner(text);
            if (!signer) {
                printError(signer.error().message);
                return ExitUsage;
            }
            if (!*signer) {
                printError(u"%1: no archive held in quarantine has this signer; give the public key "
                           u"(ed25519:...) instead"_s.arg(text));
                return ExitUsage;
            }
            wanted.append({**signer, label});
            continue;
        }
        auto key = PublicKey::fromText(text.trimmed());
        if (!key) {
            printError(u"%1: not a public key (ed25519:...) or a fingerprint (BLAKE2B:...): %2"_s.arg(
                text, key.error().message));
            return ExitUsage;
        }
        wanted.append({*key, label});
    }
    Flight::Format::ProgressLine progress;
    QList<ImportOutcome> outcomes;
    for (const auto &[key, keyLabel] : std::as_const(wanted)) {
        auto trusted = store.trust(key, keyLabel, host);
        if (!trusted) {
            printError(trusted.error().message);
            return ExitUsage;
        }
        const QString where = trusted->hostname.isEmpty() ? u"the first host whose archives it signs"_s
                                                          : u"host "_s + trusted->hostname;
        if (!json)
            printOut(u"%1 %2 for %3\n"_s.arg(trusted->added ? u"trusted"_s : u"already trusted:"_s, key.fingerprint(),
                                             where));
        Importer importer(db, options);
        wireImporter(importer, json, progress);
        outcomes += importer.importHeld(key);
    }
    return exitCodeOf(outcomes);
}

int runTrust(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Trust host signing keys: a public key (ed25519:...), the fingerprint (BLAKE2B:...) of a signer held in\n"
        "quarantine, or every key of a trust file (one key per line, '#' comments, a label after the key). Without\n"
        "--host a key is bound to the first host whose archive it signs. Archives the key had left in quarantine\n"
        "are imported at once. Exit codes as for import."_s);
    const QCommandLineOption file(u"file"_s, u"Trust every key of this trust file."_s, u"FILE"_s);
    const QCommandLineOption host(u"host"_s, u"Bind the key to this host (hostname or machine id)."_s, u"HOST"_s);
    const QCommandLineOption label(u"label"_s, u"A label for the key."_s, u"TEXT"_s);
    const QCommandLineOption caseKey(u"case-key"_s, u"X25519 key file for encrypted held archives."_s, u"FILE"_s);
    parser.addOptions({file, host, label, caseKey});
    parser.addOptions(ruleOptions());
    parser.addPositionalArgument(u"KEY"_s, u"Public keys or fingerprints of held signers."_s, u"[KEY...]"_s);
    if (auto end = parseCommand(parser, arguments, global, 0, -1))
        return *end;
    QStringList keys = parser.positionalArguments();
    QList<Flight::Format::TrustedKey> fromFile;
    if (parser.isSet(file)) {
        auto loaded = Flight::Format::loadTrustFile(parser.value(file));
        if (!loaded) {
            printError(loaded.error().message);
            return ExitUsage;
        }
        fromFile = *loaded;
    }
    if (keys.isEmpty() && fromFile.isEmpty()) {
        printError(u"trust: give a key, a fingerprint or --file (see 'flightdeck-cli trust --help')"_s);
        return ExitUsage;
    }
    ImportOptions options;
    if (!loadCaseKey(parser.value(caseKey), options) || !applyRuleOptions(parser, u"trust"_s, options))
        return ExitUsage;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    int code = ExitOk;
    for (const Flight::Format::TrustedKey &k : std::as_const(fromFile))
        code
            = std::max(code, trustAndRelease(*db, {k.key.toText()}, k.label, parser.value(host), options, global.json));
    if (!keys.isEmpty())
        code
            = std::max(code, trustAndRelease(*db, keys, parser.value(label), parser.value(host), options, global.json));
    return code;
}

} // namespace Deck::Cli
