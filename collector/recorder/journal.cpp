// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal.h"

#include "eventcodec.h"
#include "securefile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

namespace {

constexpr qsizetype kWriteBytes = 64 * 1024;
constexpr auto kCurrent = "current.jsonl"_L1;
constexpr qint64 kMaxMetaLine = 1024 * 1024; // a meta line holds host, collector and backend reasons

// Segment numbers in `dir`, ascending.
QList<qint64> segmentNumbers(const QString &dir)
{
    static const QRegularExpression name(u"^segment-([0-9]{1,18})\\.jsonl$"_s);
    QList<qint64> numbers;
    for (const QString &file : QDir(dir).entryList({u"segment-*.jsonl"_s}, QDir::Files)) {
        const auto match = name.match(file);
        if (match.hasMatch())
            numbers.append(match.captured(1).toLongLong());
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

QString segmentPath(const QString &dir, qint64 number)
{
    return QDir(dir).filePath(u"segment-%1.jsonl"_s.arg(number, 8, 10, QLatin1Char('0')));
}

} // namespace

QByteArray journalMetaToJson(const JournalMeta &meta)
{
    QJsonArray backends;
    for (const Format::Backend &b : meta.collector.backends)
        backends.append(QJsonObject{
            {u"source"_s, b.source}, {u"backend"_s, b.backend}, {u"degraded"_s, b.degraded}, {u"reason"_s, b.reason}});
    const QJsonObject host{{u"machine_id"_s, meta.host.machineId},
                           {u"hostname"_s, meta.host.hostname},
                           {u"boot_id"_s, meta.host.bootId},
                           {u"kernel"_s, meta.host.kernel},
                           {u"os"_s, meta.host.os},
                           {u"clk_tck"_s, meta.host.clkTck},
                           {u"boot_ts"_s, meta.host.bootTs}};
    const QJsonObject collector{{u"version"_s, meta.collector.version},
                                {u"config_digest"_s, meta.collector.configDigest},
                                {u"scope"_s, meta.collector.scope},
                                {u"backends"_s, backends}};
    return QJsonDocument(QJsonObject{{u"host"_s, host}, {u"collector"_s, collector}}).toJson(QJsonDocument::Compact);
}

Expected<JournalMeta> journalMetaFromJson(QByteArrayView json, const QString &path)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toByteArray()).object();
    const QJsonObject h = o.value(u"host"_s).toObject(), c = o.value(u"collector"_s).toObject();
    JournalMeta meta;
    meta.host
        = {h.value(u"machine_id"_s).toString(), h.value(u"hostname"_s).toString(), h.value(u"boot_id"_s).toString(),
           h.value(u"kernel"_s).toString(),     h.value(u"os"_s).toString(),       h.value(u"clk_tck"_s).toInteger(),
           h.value(u"boot_ts"_s).toInteger()};
    meta.collector.version = c.value(u"version"_s).toString();
    meta.collector.configDigest = c.value(u"config_digest"_s).toString();
    meta.collector.scope = c.value(u"scope"_s).toString(u"host"_s);
    for (const QJsonValue &b : c.value(u"backends"_s).toArray()) {
        const QJsonObject bo = b.toObject();
        meta.collector.backends.append({bo.value(u"source"_s).toString(), bo.value(u"backend"_s).toString(),
                                        bo.value(u"degraded"_s).toBool(), bo.value(u"reason"_s).toString()});
    }
    if (meta.host.machineId.isEmpty() || meta.host.bootId.isEmpty() || meta.host.clkTck <= 0)
        return Error{u"%1: not a journal meta file"_s.arg(path)};
    return meta;
}

Journal::Journal(QString dir)
    : m_dir(std::move(dir))
{
}

Expected<std::unique_ptr<Journal>> Journal::create(const QString &dir, const JournalMeta &meta)
{
    if (!QDir().mkpath(dir))
        return Error{u"%1: cannot create the journal directory"_s.arg(dir)};
    if (QFile::exists(QDir(dir).filePath(kCurrent)))
        return Error{u"%1: a journal is left over; it must be sealed first"_s.arg(QDir(dir).filePath(kCurrent))};
    std::unique_ptr<Journal> journal(new Journal(dir));
    if (auto started = journal->startFile(meta); !started)
        return started.error();
    return journal;
}

Expected<void> Journal::startFile(const JournalMeta &meta)
{
    const QString path = QDir(m_dir).filePath(kCurrent);
    m_file.setFileName(path);
    const QByteArray metaLine = journalMetaToJson(meta) + '\n';
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)
        || m_file.write(metaLine) != metaLine.size() || ::fdatasync(m_file.handle()) != 0)
        return Error{u"%1: cannot write: %2"_s.arg(path, m_file.errorString())};
    Format::syncParentDirectory(path);
    m_bytes = 0;
    m_events = 0;
    m_dirty = false;
    m_sinceSync.start();
    return {};
}

Expected<void> Journal::append(const Format::Event &event)
{
    const qsizetype before = m_buffer.size();
    Format::encodeEvent(event, m_buffer);
    m_bytes += m_buffer.size() - before;
    ++m_events;
    m_dirty = true;
    if (m_buffer.size() >= kWriteBytes) {
        if (m_file.write(m_buffer) != m_buffer.size())
            return Error{u"%1: cannot write: %2"_s.arg(m_file.fileName(), m_file.errorString())};
        m_buffer.clear();
    }
    return {};
}

Expected<void> Journal::sync()
{
    if (!m_buffer.isEmpty()) {
        if (m_file.write(m_buffer) != m_buffer.size())
            return Error{u"%1: cannot write: %2"_s.arg(m_file.fileName(), m_file.errorString())};
        m_buffer.clear();
    }
    if (m_dirty && ::fdatasync(m_file.handle()) != 0)
        return Error{u"%1: fsync failed"_s.arg(m_file.fileName())};
    m_dirty = false;
    m_sinceSync.restart();
    return {};
}

Expected<void> Journal::syncIfDue()
{
    if (!m_dirty || m_sinceSync.elapsed() < 1000)
        return {};
    return sync();
}

Expected<QString> Journal::close()
{
    if (auto synced = sync(); !synced)
        return synced.error();
    m_file.close();
    const QList<qint64> numbers = segmentNumbers(m_dir);
    const QString segment = segmentPath(m_dir, numbers.isEmpty() ? 1 : numbers.back() + 1);
    const QString current = QDir(m_dir).filePath(kCurrent);
    if (!QFile::rename(current, segment))
        return Error{u"%1: cannot rotate the journal into %2"_s.arg(current, segment)};
    Format::syncParentDirectory(segment);
    return segment;
}

Expected<QString> Journal::rotate(const JournalMeta &meta)
{
    auto segment = close();
    if (!segment)
        return segment;
    if (auto started = startFile(meta); !started)
        return started.error();
    return segment;
}

Expected<JournalMeta> Journal::readMeta(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(file, in.errorString())};
    return journalMetaFromJson(in.readLine(kMaxMetaLine), file);
}

QStringList Journal::pendingFiles(const QString &dir)
{
    QStringList files;
    for (const qint64 n : segmentNumbers(dir))
        files.append(segmentPath(dir, n));
    if (QFile::exists(QDir(dir).filePath(kCurrent)))
        files.append(QDir(dir).filePath(kCurrent));
    return files;
}

} // namespace Flight::Recorder
