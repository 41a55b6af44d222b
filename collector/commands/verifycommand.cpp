// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec verify: check archives completely and the hash chain between those given; one line per file.
#include "archiveerror.h"
#include "archivereader.h"
#include "chain.h"
#include "command.h"
#include "progressline.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Flight::Commands {

namespace {

struct Outcome
{
    QString path;
    std::optional<Error> error;
    Manifest manifest;
    QString digest;
    QString signer;
    bool eventsDecoded = false;
    std::optional<Error> chainError;
};

// Files as given; directories expanded to the .frec files below them, sorted.
QStringList expandPaths(const QStringList &arguments)
{
    QStringList files;
    for (const QString &argument : arguments) {
        if (!QFileInfo(argument).isDir()) {
            files.append(argument);
            continue;
        }
        QStringList found;
        QDirIterator it(argument, {u"*.frec"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        std::sort(found.begin(), found.end());
        files += found;
    }
    return files;
}

Outcome verifyOne(const QString &path, const std::optional<QList<PublicKey>> &trusted, const DecryptionKey *key,
                  ProgressLine &progress)
{
    Outcome outcome{path, {}, {}, {}, {}, false, {}};
    ArchiveReader reader(path);
    if (auto opened = reader.open(); !opened) {
        outcome.error = opened.error();
        return outcome;
    }
    if (trusted && !trusted->contains(reader.signer())) {
        outcome.error
            = makeError(Reason::UnknownSigner, u"%1: unknown signer %2"_s.arg(path, reader.signer().fingerprint()));
        return outcome;
    }
    const auto showProgress = [&](qint64 done, qint64 total) { progress.update(path, done, total); };
    outcome.eventsDecoded = !reader.encrypted() || key;
    auto checked = outcome.eventsDecoded ? reader.readEvents([](const Event &) { return true; }, key, showProgress)
                                         : reader.checkEventsDigest(showProgress);
    progress.clear();
    if (!checked)
        outcome.error = checked.error();
    outcome.manifest = reader.manifest();
    outcome.digest = reader.digest();
    outcome.signer = reader.signer().fingerprint();
    return outcome;
}

// Checks the chain between the valid archives of each signer, in sequence order.
void checkChains(QList<Outcome> &outcomes)
{
    QList<Outcome *> valid;
    for (Outcome &o : outcomes) {
        if (!o.error)
            valid.append(&o);
    }
    std::stable_sort(valid.begin(), valid.end(), [](const Outcome *a, const Outcome *b) {
        return std::tie(a->signer, a->manifest.seq) < std::tie(b->signer, b->manifest.seq);
    });
    for (qsizetype i = 1; i < valid.size(); ++i) {
        const Outcome &previous = *valid[i - 1];
        Outcome &next = *valid[i];
        if (previous.signer != next.signer)
            continue;
        auto linked
            = checkChain(ChainLink::of(previous.manifest, previous.digest), ChainLink::of(next.manifest, next.digest),
                         QFileInfo(previous.path).fileName(), next.path);
        if (!linked)
            next.chainError = linked.error();
    }
}

QString describeValid(const Outcome &o)
{
    return u"%1: host %2, seq %3, %4 events%5, signer %6, digest %7"_s.arg(o.path, o.manifest.host.hostname)
        .arg(o.manifest.seq)
        .arg(o.manifest.tally.events)
        .arg(o.eventsDecoded ? QString() : u" (encrypted, digest checked)"_s, o.signer, o.digest);
}

QByteArray jsonLine(const Outcome &o)
{
    QJsonObject object{{u"path"_s, o.path}, {u"valid"_s, !o.error && !o.chainError}};
    if (o.error) {
        object.insert(u"reason"_s, o.error->message);
    } else {
        object.insert(u"host"_s, o.manifest.host.hostname);
        object.insert(u"machine_id"_s, o.manifest.host.machineId);
        object.insert(u"seq"_s, o.manifest.seq);
        object.insert(u"events"_s, o.manifest.tally.events);
        object.insert(u"digest"_s, o.digest);
        object.insert(u"signer"_s, o.signer);
        object.insert(u"events_decoded"_s, o.eventsDecoded);
        if (o.chainError)
            object.insert(u"chain"_s, o.chainError->message);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Verify archives: container, manifest, signature, digests, every event line, and the hash chain between\n"
        "the archives given (directories are searched for *.frec). One line per file: 'OK path: ...' or\n"
        "'INVALID path: reason'. Exit 0 when all are valid, 1 when any is invalid or the chain has a gap or\n"
        "fork, 2 on a usage or I/O error."_s);
    const QCommandLineOption trust(u"trust"_s, u"Only accept archives signed by a key in this trust file."_s,
                                   u"FILE"_s);
    const QCommandLineOption decryptKey(u"decrypt-key"_s, u"Decrypt and check encrypted events with this key."_s,
                                        u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"One JSON object per file."_s);
    parser.addOptions({trust, decryptKey, json});
    parser.addPositionalArgument(u"FILE"_s, u"Archives or directories."_s, u"FILE..."_s);
    if (auto end = parseArguments(parser, arguments, 1, -1))
        return *end;

    std::optional<QList<PublicKey>> trusted;
    if (parser.isSet(trust)) {
        auto loaded = loadTrustFile(parser.value(trust));
        if (!loaded) {
            printError(loaded.error().message);
            return ExitUsage;
        }
        trusted.emplace();
        for (const TrustedKey &k : *loaded)
            trusted->append(k.key);
    }
    std::optional<DecryptionKey> key;
    if (parser.isSet(decryptKey)) {
        auto loaded = DecryptionKey::load(parser.value(decryptKey));
        if (!loaded) {
            printError(loaded.error().message);
            return ExitUsage;
        }
        key = *loaded;
    }

    const QStringList files = expandPaths(parser.positionalArguments());
    if (files.isEmpty()) {
        printError(u"verify: no .frec files in %1"_s.arg(parser.positionalArguments().join(u", "_s)));
        return ExitUsage;
    }
    QList<Outcome> outcomes;
    ProgressLine progress;
    for (const QString &file : files)
        outcomes.append(verifyOne(file, trusted, key ? &*key : nullptr, progress));
    checkChains(outcomes);

    int exitCode = ExitOk;
    for (const Outcome &o : std::as_const(outcomes)) {
        if (parser.isSet(json)) {
            printOut(jsonLine(o));
        } else if (o.error) {
            printOut(u"INVALID %1\n"_s.arg(o.error->message));
        } else {
            printOut(u"OK %1\n"_s.arg(describeValid(o)));
            if (o.chainError)
                printOut(u"INVALID %1\n"_s.arg(o.chainError->message));
        }
        if (o.error && reasonOf(*o.error) == Reason::Io)
            exitCode = ExitUsage;
        else if ((o.error || o.chainError) && exitCode == ExitOk)
            exitCode = ExitInvalidData;
    }
    return exitCode;
}

} // namespace Flight::Commands
