// SPDX-License-Identifier: GPL-3.0-or-later
#include "casefixture.h"

#include "digest.h"
#include "importer.h"
#include "truststore.h"

#include <QDir>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace Test = Flight::TestSupport;

ArchiveSeries::ArchiveSeries(QString dir, const QString &hostname)
    : host(Test::sampleHost(hostname))
    , m_dir(std::move(dir))
{
    host.machineId = Blake2b256::hexHash(hostname.toUtf8()).left(32);
}

QString ArchiveSeries::write(qint64 seq, const QString &prevDigest, const QList<Event> &events, const QString &fileName,
                             const WriterOptions &options)
{
    ArchiveHeader header = Test::sampleHeader(seq, prevDigest, host.hostname);
    header.host = host;
    const QString path = QDir(m_dir).filePath(fileName);
    auto sealed = Test::writeArchive(path, key, events, header, options);
    if (!sealed) {
        qWarning("%s", qPrintable(sealed.error().message));
        return {};
    }
    m_digests.insert(seq, sealed->digest);
    return path;
}

QString ArchiveSeries::next(const QList<Event> &events, const WriterOptions &options)
{
    const qint64 seq = m_seq + 1;
    const QString path
        = write(seq, m_digests.value(m_seq), events, u"%1-%2.frec"_s.arg(host.hostname).arg(seq), options);
    if (!path.isEmpty())
        m_seq = seq;
    return path;
}

Event execEvent(qint64 pid, qint64 ppid, const QString &comm, const QList<QByteArray> &argv, qint64 offsetMs)
{
    ProcExec exec;
    exec.proc = {pid, pid * 10};
    exec.parent = {ppid, ppid * 10};
    exec.comm = comm;
    exec.exe = argv.value(0, QByteArray("/bin/true"));
    exec.argv = argv;
    exec.cwd = QByteArray("/root");
    return Event{Test::kBaseTs + offsetMs * 1000000, Test::kBaseMono + offsetMs * 1000000, exec};
}

Event fileEvent(qint64 pid, FileOp op, const QByteArray &path, qint64 offsetMs)
{
    FileAccess file;
    file.proc = {pid, pid * 10};
    file.op = op;
    file.path = path;
    if (op == FileOp::Rename)
        file.to = path + ".renamed";
    return Event{Test::kBaseTs + offsetMs * 1000000, Test::kBaseMono + offsetMs * 1000000, file};
}

Event connectEvent(qint64 pid, const QString &raddr, qint64 rport, qint64 offsetMs)
{
    NetEndpoint net;
    net.proc = ProcKey{pid, pid * 10};
    net.op = NetOp::Connect;
    net.local = {u"10.0.0.2"_s, 40000 + pid % 1000};
    net.remote = Endpoint{raddr, rport};
    return Event{Test::kBaseTs + offsetMs * 1000000, Test::kBaseMono + offsetMs * 1000000, net};
}

Event exitEvent(qint64 pid, qint64 code, qint64 offsetMs)
{
    return Event{Test::kBaseTs + offsetMs * 1000000, Test::kBaseMono + offsetMs * 1000000,
                 ProcExit{{pid, pid * 10}, code, std::nullopt, false}};
}

QStringList evidenceTables()
{
    return {u"hosts"_s,       u"host_keys"_s,      u"boots"_s,       u"archives"_s,   u"processes"_s,
            u"paths"_s,       u"process_events"_s, u"file_events"_s, u"net_events"_s, u"state_changes"_s,
            u"host_events"_s, u"losses"_s,         u"alerts"_s};
}

QString trustAndImport(Core::Database &db, const QList<const ArchiveSeries *> &series, const QStringList &archives)
{
    for (const ArchiveSeries *one : series) {
        if (auto trusted = Core::TrustStore(db).trust(one->key.publicKey(), one->host.hostname); !trusted)
            return trusted.error().message;
    }
    Core::Importer importer(db);
    for (const QString &archive : archives) {
        const auto outcome = importer.importFile(archive);
        if (outcome.status != Core::ImportStatus::Imported)
            return outcome.message;
    }
    return {};
}

QString dumpTables(Core::Database &db, const QStringList &tables)
{
    const QStringList names = tables.isEmpty()
        ? evidenceTables() + QStringList{u"held_archives"_s, u"bookmarks"_s, u"notes"_s, u"audit_log"_s}
        : tables;
    QString dump;
    for (const QString &table : names) {
        dump += u"== "_s + table + u'\n';
        auto rows = db.query(u"SELECT * FROM %1 ORDER BY id"_s.arg(table));
        if (!rows)
            return rows.error().message;
        while (rows->next()) {
            QStringList cells;
            for (int i = 0; i < rows->record().count(); ++i) {
                const QVariant v = rows->value(i);
                cells.append(v.isNull() ? u"NULL"_s
                                 : v.metaType().id() == QMetaType::QByteArray
                                 ? QString::fromLatin1(v.toByteArray().toHex())
                                 : v.toString());
            }
            dump += cells.join(u'|') + u'\n';
        }
    }
    return dump;
}

qint64 count(Core::Database &db, const QString &table, const QString &where, const QVariantList &params)
{
    auto n = db.scalar(u"SELECT COUNT(*) FROM %1%2"_s.arg(table, where.isEmpty() ? QString() : u" WHERE "_s + where),
                       params);
    return n ? n->toLongLong() : -1;
}

} // namespace Deck::TestSupport

namespace Deck::TestSupport {

QList<Event> busyHostEvents(int count, qint64 firstPid, qint64 firstOffsetMs)
{
    QList<Event> events;
    events.reserve(count);
    quint32 state = quint32(firstPid * 2654435761u + 1);
    const auto next = [&state](quint32 bound) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state % bound;
    };
    qint64 pid = firstPid;
    qint64 tick = firstOffsetMs * 100; // 10 µs steps
    const auto at = [&tick](EventBody body) {
        ++tick;
        return Event{Test::kBaseTs + tick * 10000, Test::kBaseMono + tick * 10000, std::move(body)};
    };
    while (events.size() < count) {
        ++pid;
        const qint64 parent = pid > firstPid + 8 ? firstPid + 1 + qint64(next(8)) : 1;
        const QByteArray program = "/usr/bin/prog" + QByteArray::number(next(300));
        ProcExec exec;
        exec.proc = {pid, pid * 10};
        exec.parent = {parent, parent * 10};
        exec.comm = QString::fromLatin1(program.mid(9));
        exec.exe = program;
        exec.argv = {program};
        for (quint32 i = 0, n = 1 + next(4); i < n; ++i)
            exec.argv.append("--option-" + QByteArray::number(next(50)) + "=value" + QByteArray::number(next(1000)));
        exec.cwd = QByteArray("/home/user") + QByteArray::number(next(20));
        exec.uid = exec.euid = exec.gid = exec.egid = 1000 + next(5);
        events.append(at(exec));
        for (quint32 i = 0, n = 5 + next(4); i < n && events.size() < count; ++i) {
            FileAccess file;
            file.proc = exec.proc;
            file.op = next(5) == 0 ? FileOp::Write : FileOp::Open;
            file.path = next(10) == 0 ? "/tmp/tmp." + QByteArray::number(pid) + "." + QByteArray::number(i)
                                      : "/usr/lib/x86_64-linux-gnu/lib" + QByteArray::number(next(4000)) + ".so.1";
            events.append(at(file));
        }
        if (next(4) == 0 && events.size() < count) {
            NetEndpoint net;
            net.proc = exec.proc;
            net.op = NetOp::Connect;
            net.local = {u"10.0.0.2"_s, 30000 + qint64(next(30000))};
            net.remote = Endpoint{u"192.0.2.%1"_s.arg(next(250)), next(2) ? 443 : 80};
            events.append(at(net));
        }
        if (events.size() < count)
            events.append(at(ProcExit{exec.proc, qint64(next(3)), std::nullopt, false}));
    }
    return events;
}

} // namespace Deck::TestSupport
