// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec status: what the collector on this host is doing and holding — key, chain, recorder, journal, outbox.
#include "chainstate.h"
#include "command.h"
#include "config.h"
#include "journal.h"
#include "keys.h"
#include "retention.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Commands {

namespace {

// The pid holding the journal lock, or 0 when no recorder runs.
qint64 recorderPid(const QString &journalDir)
{
    const QByteArray path = QFile::encodeName(QDir(journalDir).filePath(u"lock"_s));
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    qint64 pid = 0;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
        char text[32] = {};
        if (::pread(fd, text, sizeof text - 1, 0) > 0)
            pid = QByteArray(text).trimmed().toLongLong();
        pid = std::max<qint64>(pid, 1);
    }
    ::close(fd);
    return pid;
}

QString mebibytes(qint64 bytes)
{
    return u"%1 MiB"_s.arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show the collector's key, hash chain, recorder, journal and outbox."_s);
    const QCommandLineOption config(u"config"_s, u"Config file (default %1)."_s.arg(defaultConfigPath()), u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"One JSON object."_s);
    parser.addOptions({config, json});
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;
    auto loaded = parser.isSet(config) ? Recorder::loadConfig(parser.value(config), true)
                                       : Recorder::loadConfig(defaultConfigPath(), false);
    if (!loaded) {
        printError(loaded.error().message);
        return ExitUsage;
    }
    const Recorder::Config &c = *loaded;

    QJsonObject status;
    auto key = Format::SigningKey::load(c.keyPath);
    status.insert(u"key"_s, c.keyPath);
    status.insert(u"key_fingerprint"_s, key ? key->publicKey().fingerprint() : QString());
    status.insert(u"key_problem"_s, key ? QString() : key.error().message);
    if (auto chain = Recorder::ChainState::acquire(c.keyPath)) {
        status.insert(u"last_seq"_s, chain->lastSeq());
        status.insert(u"last_digest"_s, chain->lastDigest());
    }
    const qint64 pid = recorderPid(c.journal);
    status.insert(u"recorder_pid"_s, pid);
    qint64 journalBytes = 0;
    const QStringList pending = Recorder::Journal::pendingFiles(c.journal);
    // A running recorder writes the last pending file; its meta line names the backends it started.
    QList<Format::Backend> backends;
    if (pid > 0 && !pending.isEmpty()) {
        if (auto meta = Recorder::Journal::readMeta(pending.last()))
            backends = meta->collector.backends;
    }
    QJsonArray capture;
    for (const Format::Backend &b : backends)
        capture.append(QJsonObject{
            {u"source"_s, b.source}, {u"backend"_s, b.backend}, {u"degraded"_s, b.degraded}, {u"reason"_s, b.reason}});
    status.insert(u"capture"_s, capture);
    for (const QString &file : pending)
        journalBytes += QFileInfo(file).size();
    status.insert(u"journal"_s, c.journal);
    status.insert(u"journal_files"_s, pending.size());
    status.insert(u"journal_bytes"_s, journalBytes);
    qint64 outboxBytes = 0, count = 0, firstSeq = 0, lastSeq = 0;
    for (const QFileInfo &info : QDir(c.outbox).entryInfoList({u"*.frec"_s}, QDir::Files)) {
        const auto seq = Recorder::sequenceFromName(info.fileName());
        if (!seq)
            continue;
        firstSeq = count == 0 ? *seq : std::min(firstSeq, *seq);
        lastSeq = std::max(lastSeq, *seq);
        outboxBytes += info.size();
        ++count;
    }
    status.insert(u"outbox"_s, c.outbox);
    status.insert(u"outbox_archives"_s, count);
    status.insert(u"outbox_bytes"_s, outboxBytes);
    status.insert(u"outbox_first_seq"_s, firstSeq);
    status.insert(u"outbox_last_seq"_s, lastSeq);

    if (parser.isSet(json)) {
        printOut(QJsonDocument(status).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    QString text;
    text += u"key:      %1 (%2)\n"_s.arg(c.keyPath, key ? key->publicKey().fingerprint() : key.error().message);
    text += status.value(u"last_seq"_s).toInteger() > 0
        ? u"chain:    last sealed seq %1, digest %2\n"_s.arg(status.value(u"last_seq"_s).toInteger())
              .arg(status.value(u"last_digest"_s).toString())
        : u"chain:    no archive sealed with this key yet\n"_s;
    text += pid > 0 ? u"recorder: running (pid %1)\n"_s.arg(pid) : u"recorder: not running\n"_s;
    for (const Format::Backend &b : backends)
        text += u"capture:  %1 with %2%3\n"_s.arg(b.source, b.backend,
                                                  b.degraded ? u" (degraded: %1)"_s.arg(b.reason) : QString());
    text += u"journal:  %1: %2 in %3 file(s) not sealed yet\n"_s.arg(c.journal, mebibytes(journalBytes))
                .arg(pending.size());
    text += count > 0 ? u"outbox:   %1: %2 archive(s), %3, seq %4..%5\n"_s.arg(c.outbox)
                            .arg(count)
                            .arg(mebibytes(outboxBytes))
                            .arg(firstSeq)
                            .arg(lastSeq)
                      : u"outbox:   %1: empty\n"_s.arg(c.outbox);
    printOut(text);
    return ExitOk;
}

} // namespace Flight::Commands
