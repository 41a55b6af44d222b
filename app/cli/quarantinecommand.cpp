// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli quarantine: list the archives held back (unknown signer, fork), or trust held signers.
#include "clicommon.h"
#include "truststore.h"

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

int trustAndRelease(Database &db, const QStringList &keys, const QString &label, const QString &host,
                    const ImportOptions &options, bool json);

int runQuarantine(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"quarantine [list]: the archives held back and why — 'untrusted signer' (valid, signed by a key not yet\n"
        "trusted) or 'fork' (contradicts its host's hash chain).\n"
        "quarantine trust FINGERPRINT...: trust those signers and import their held archives (as 'trust')."_s);
    const QCommandLineOption caseKey(u"case-key"_s, u"X25519 key file for encrypted held archives."_s, u"FILE"_s);
    parser.addOption(caseKey);
    parser.addOptions(ruleOptions());
    parser.addPositionalArgument(u"ACTION"_s, u"list (default) or trust."_s, u"[list | trust FINGERPRINT...]"_s);
    if (auto end = parseCommand(parser, arguments, global, 0, -1))
        return *end;
    QStringList positional = parser.positionalArguments();
    const QString action = positional.isEmpty() ? u"list"_s : positional.takeFirst();
    if (action != "list"_L1 && action != "trust"_L1) {
        printError(u"quarantine: unknown action '%1' (list or trust)"_s.arg(action));
        return ExitUsage;
    }
    if ((action == "list"_L1) != positional.isEmpty()) {
        printError(u"quarantine %1: %2"_s.arg(
            action, positional.isEmpty() ? u"give the signers' fingerprints"_s : u"takes no arguments"_s));
        return ExitUsage;
    }
    ImportOptions options;
    if (!loadCaseKey(parser.value(caseKey), options)
        || (action == "trust"_L1 && !applyRuleOptions(parser, u"quarantine"_s, options)))
        return ExitUsage;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    if (action == "trust"_L1)
        return trustAndRelease(*db, positional, {}, {}, options, global.json);

    auto held = TrustStore(*db).held();
    if (!held) {
        printError(held.error().message);
        return ExitUsage;
    }
    for (const HeldArchive &h : std::as_const(*held)) {
        if (global.json) {
            printJson({{u"path"_s, h.path},
                       {u"reason"_s, h.reason},
                       {u"detail"_s, h.detail},
                       {u"host"_s, h.hostname},
                       {u"machine_id"_s, h.machineId},
                       {u"seq"_s, h.seq},
                       {u"digest"_s, h.digest},
                       {u"signer"_s, h.signer},
                       {u"fingerprint"_s, h.fingerprint},
                       {u"events"_s, h.events},
                       {u"held_ts"_s, QString::number(h.heldTs)}});
        } else {
            printOut(u"%1  %2 seq %3  %4  %5  %6\n"_s.arg(h.reason, -16)
                         .arg(h.hostname)
                         .arg(h.seq)
                         .arg(h.fingerprint, formatTime(h.heldTs), h.path));
        }
    }
    if (!global.json && held->isEmpty())
        printOut(u"quarantine: no archives held\n"_s);
    return ExitOk;
}

} // namespace Deck::Cli
