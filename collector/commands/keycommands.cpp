// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec keygen / pubkey: create a key file (mode 0600) and print public keys.
#include "command.h"
#include "keys.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Flight::Commands {

namespace {

const QCommandLineOption kKeyOption(u"key"_s, u"Key file (default %1)."_s.arg(defaultKeyPath()), u"FILE"_s,
                                    defaultKeyPath());

// A public key line for a trust file: the key, then the host name as its label.
QString trustLine(const QString &publicText)
{
    return publicText + u' ' + QSysInfo::machineHostName() + u'\n';
}

} // namespace

int runKeygen(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Create a key and print its public half on stdout.\n"
        "ed25519 (default): the host signing key that signs every archive.\n"
        "x25519: a recipient key pair; archives encrypted to its public half can only be read with this file."_s);
    const QCommandLineOption type(u"type"_s, u"ed25519 or x25519."_s, u"TYPE"_s, u"ed25519"_s);
    const QCommandLineOption force(u"force"_s, u"Replace an existing key file."_s);
    parser.addOptions({kKeyOption, type, force});
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;

    const QString path = parser.value(kKeyOption);
    const QString keyType = parser.value(type);
    if (keyType != "ed25519"_L1 && keyType != "x25519"_L1) {
        printError(u"keygen: unknown key type '%1' (ed25519 or x25519)"_s.arg(keyType));
        return ExitUsage;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        printError(u"%1: cannot create the directory"_s.arg(QFileInfo(path).absolutePath()));
        return ExitUsage;
    }
    QString publicText, fingerprint;
    Expected<void> saved;
    if (keyType == "ed25519"_L1) {
        const SigningKey key = SigningKey::generate();
        saved = key.save(path, parser.isSet(force));
        publicText = key.publicKey().toText();
        fingerprint = key.publicKey().fingerprint();
    } else {
        const DecryptionKey key = DecryptionKey::generate();
        saved = key.save(path, parser.isSet(force));
        publicText = key.recipient().toText();
        fingerprint = key.recipient().fingerprint();
    }
    if (!saved) {
        printError(saved.error().message);
        return ExitUsage;
    }
    printError(u"created %1 key %2 (fingerprint %3)"_s.arg(keyType, path, fingerprint));
    printOut(trustLine(publicText));
    return ExitOk;
}

int runPubkey(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Print the public half of a key file, followed by this host's name: one line of a trust file."_s);
    const QCommandLineOption fingerprintOnly(u"fingerprint"_s, u"Print the fingerprint instead."_s);
    parser.addOptions({kKeyOption, fingerprintOnly});
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;

    const QString path = parser.value(kKeyOption);
    if (auto signing = SigningKey::load(path)) {
        const PublicKey key = signing->publicKey();
        printOut(parser.isSet(fingerprintOnly) ? key.fingerprint() + u'\n' : trustLine(key.toText()));
        return ExitOk;
    } else if (auto decryption = DecryptionKey::load(path)) {
        const RecipientKey key = decryption->recipient();
        printOut(parser.isSet(fingerprintOnly) ? key.fingerprint() + u'\n' : trustLine(key.toText()));
        return ExitOk;
    } else {
        printError(signing.error().message);
        return ExitUsage;
    }
}

} // namespace Flight::Commands
