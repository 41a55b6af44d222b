// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec cat: print an archive's events as JSON lines — only after the whole archive verified, so nothing is
// printed from an archive that turns out to be invalid.
#include "archiveerror.h"
#include "command.h"
#include "eventcodec.h"
#include "verify.h"

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Flight::Commands {

int runCat(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Verify an archive completely, then print its events as JSON lines (FORMAT.md), or its manifest.\n"
        "Exit 1 when the archive is invalid (nothing is printed), 2 on a usage or I/O error."_s);
    const QCommandLineOption decryptKey(u"decrypt-key"_s, u"Key file for encrypted events."_s, u"FILE"_s);
    const QCommandLineOption trust(u"trust"_s, u"Only accept an archive signed by a key in this trust file."_s,
                                   u"FILE"_s);
    const QCommandLineOption manifest(u"manifest"_s, u"Print the manifest instead of the events."_s);
    parser.addOptions({decryptKey, trust, manifest});
    parser.addPositionalArgument(u"FILE"_s, u"The archive."_s);
    if (auto end = parseArguments(parser, arguments, 1, 1))
        return *end;
    const QString path = parser.positionalArguments().constFirst();

    VerifyOptions options;
    std::optional<DecryptionKey> key;
    if (parser.isSet(decryptKey)) {
        auto loaded = DecryptionKey::load(parser.value(decryptKey));
        if (!loaded) {
            printError(loaded.error().message);
            return ExitUsage;
        }
        key = *loaded;
        options.key = &*key;
    }
    if (parser.isSet(trust)) {
        auto loaded = loadTrustFile(parser.value(trust));
        if (!loaded) {
            printError(loaded.error().message);
            return ExitUsage;
        }
        options.trusted.emplace();
        for (const TrustedKey &k : *loaded)
            options.trusted->append(k.key);
    }

    auto verified = verifyArchive(path, options);
    if (!verified) {
        printError(verified.error().message);
        return reasonOf(verified.error()) == Reason::Io ? ExitUsage : ExitInvalidData;
    }
    ArchiveReader reader(path, options.limits);
    if (auto opened = reader.open(); !opened) { // the file changed since it was verified
        printError(opened.error().message);
        return ExitInvalidData;
    }
    if (parser.isSet(manifest)) {
        printOut(reader.manifestBytes());
        return ExitOk;
    }
    if (!verified->eventsDecoded) {
        printError(u"%1: the events are encrypted to %2; give its key with --decrypt-key"_s.arg(
            path, reader.manifest().encryption->recipient));
        return ExitUsage;
    }
    QByteArray buffer;
    auto read = reader.readEvents(
        [&buffer](const Event &event) {
            encodeEvent(event, buffer);
            if (buffer.size() >= 64 * 1024) {
                printOut(buffer);
                buffer.clear();
            }
            return true;
        },
        options.key);
    printOut(buffer);
    if (!read) {
        printError(read.error().message);
        return ExitInvalidData;
    }
    return ExitOk;
}

} // namespace Flight::Commands
