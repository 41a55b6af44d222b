// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventexport.h"

#include "auditlog.h"
#include "database.h"
#include "digest.h"
#include "eventbranches.h"
#include "jsonwriter.h"
#include "securefile.h"
#include "timetext.h"

#include <QFile>
#include <QSqlQuery>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

const QStringList kColumns{u"time"_s,  u"ts"_s,    u"host"_s,  u"kind"_s,  u"pid"_s,     u"process_start"_s,
                           u"comm"_s,  u"exe"_s,   u"op"_s,    u"path"_s,  u"to_path"_s, u"proto"_s,
                           u"laddr"_s, u"lport"_s, u"raddr"_s, u"rport"_s, u"count"_s,   u"detail"_s};
// Which of kColumns are byte strings (exe, path, to_path) and which are numbers.
bool isBytes(int column)
{
    return column == 7 || column == 9 || column == 10;
}
bool isNumber(int column)
{
    return column == 1 || column == 4 || column == 5 || column == 13 || column == 15 || column == 16;
}

// The branches a --kind selects, each with the filter on its kind column ("" none, "x.%" a LIKE, else equal).
QList<std::pair<int, QString>> plan(const QString &kind)
{
    enum { Proc, File, Net, State, Host, Loss };
    if (kind.isEmpty())
        return {{Proc, {}}, {File, {}}, {Net, {}}, {State, {}}, {Host, {}}, {Loss, {}}};
    if (kind == "proc"_L1 || kind == "state"_L1)
        return {{kind == "proc"_L1 ? Proc : State, {}}};
    if (kind.startsWith("proc."_L1) || kind.startsWith("state."_L1))
        return {{kind.startsWith("proc."_L1) ? Proc : State, kind}};
    if (kind == "file"_L1 || kind == "file.access"_L1)
        return {{File, {}}};
    if (kind == "net"_L1 || kind == "net.endpoint"_L1)
        return {{Net, {}}};
    if (kind == "host"_L1)
        return {{Host, u"host.%"_s}};
    if (kind == "rec"_L1)
        return {{Host, u"rec.%"_s}, {Loss, {}}};
    if (kind == "rec.loss"_L1)
        return {{Loss, {}}};
    return {{Host, kind}}; // host.kmsg, rec.start, rec.stop, rec.heartbeat
}

QByteArray csvField(const QVariant &value, int column)
{
    if (value.isNull())
        return {};
    const QByteArray bytes = isBytes(column) ? value.toByteArray() : value.toString().toUtf8();
    if (isNumber(column)
        || !(bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')))
        return bytes;
    QByteArray quoted = bytes;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

} // namespace

QStringList exportKinds()
{
    return {u"proc"_s,      u"proc.snapshot"_s,  u"proc.exec"_s,    u"proc.fork"_s,     u"proc.exit"_s,
            u"proc.cred"_s, u"file"_s,           u"file.access"_s,  u"net"_s,           u"net.endpoint"_s,
            u"state"_s,     u"state.snapshot"_s, u"state.change"_s, u"host"_s,          u"host.kmsg"_s,
            u"rec"_s,       u"rec.start"_s,      u"rec.stop"_s,     u"rec.heartbeat"_s, u"rec.loss"_s};
}

bool isExportKind(const QString &kind)
{
    return kind.isEmpty() || exportKinds().contains(kind);
}

namespace {

Expected<ExportSummary> writeEvents(Database &db, const ExportRequest &request, QIODevice &out, const QString &target)
{
    if (!isExportKind(request.kind))
        return storeError(StoreReason::NotFound, u"export: unknown kind '%1'"_s.arg(request.kind));
    QStringList selects;
    QVariantList params;
    for (const auto &[index, exactKind] : plan(request.kind)) {
        QString select = eventBranchSelect(index, db.engine());
        QStringList where;
        if (request.hostId) {
            where << u"x.host_id = ?"_s;
            params << *request.hostId;
        }
        if (request.range.from) {
            where << u"x.ts >= ?"_s;
            params << *request.range.from;
        }
        if (request.range.to) {
            where << u"x.ts < ?"_s;
            params << *request.range.to;
        }
        if (!exactKind.isEmpty()) {
            where << (exactKind.endsWith(u'%') ? u"x.kind LIKE ?"_s : u"x.kind = ?"_s);
            params << exactKind;
        }
        if (!where.isEmpty())
            select += u" WHERE "_s + where.join(u" AND "_s);
        selects << select;
    }
    // A CTE names the union's columns on both engines (SQLite has no column list on a subquery alias).
    auto q = db.query(u"WITH u(%1) AS (%2) SELECT u.ts, h.hostname, u.k, u.pid, u.pstart, u.comm, "
                      u"u.exe, u.op, u.path, u.to_path, u.proto, u.laddr, u.lport, u.raddr, u.rport, u.n, u.detail "
                      u"FROM u JOIN hosts h ON h.id = u.host_id ORDER BY u.ts, u.r, u.id"_s.arg(
                          eventColumns(), selects.join(u" UNION ALL "_s)),
                      params);
    if (!q)
        return q.error();

    Flight::Format::Blake2b256 hash;
    ExportSummary summary;
    const auto write = [&](const QByteArray &bytes) {
        hash.add(bytes);
        return out.write(bytes) == bytes.size();
    };
    bool ok = true;
    if (request.format == ExportFormat::Csv)
        ok = write(kColumns.join(u',').toUtf8() + "\r\n");
    while (ok && q->next()) {
        // Query columns are kColumns without `time` (derived from ts).
        const auto value = [&](int column) { return q->value(column - 1); };
        const qint64 ts = value(1).toLongLong();
        QByteArray line;
        if (request.format == ExportFormat::Csv) {
            QList<QByteArray> fields{isoTime(ts).toUtf8()};
            for (int c = 1; c < kColumns.size(); ++c)
                fields << csvField(value(c), c);
            line = fields.join(',') + "\r\n";
        } else {
            Flight::Format::JsonWriter json(line);
            json.beginObject();
            json.member("time", isoTime(ts));
            for (int c = 1; c < kColumns.size(); ++c) {
                const QVariant v = value(c);
                if (v.isNull())
                    continue;
                json.key(kColumns[c].toUtf8());
                if (isBytes(c))
                    json.bytes(v.toByteArray());
                else if (isNumber(c))
                    json.integer(v.toLongLong());
                else
                    json.string(v.toString());
            }
            json.endObject();
            line += '\n';
        }
        ok = write(line);
        ++summary.rows;
    }
    if (!ok)
        return storeError(StoreReason::Sql, u"%1: cannot write the export: %2"_s.arg(target, out.errorString()));
    summary.digest = QString::fromLatin1(hash.finish().toHex());
    return summary;
}

Expected<void> audit(Database &db, const ExportRequest &request, const ExportSummary &summary, const QString &target)
{
    const QString detail = u"%1 rows, %2, blake2b-256 %3, host %4, from %5, to %6, kind %7"_s.arg(summary.rows)
                               .arg(request.format == ExportFormat::Csv ? u"csv"_s : u"jsonl"_s, summary.digest,
                                    request.hostId ? QString::number(*request.hostId) : u"all"_s,
                                    request.range.from ? isoTime(*request.range.from) : u"-"_s,
                                    request.range.to ? isoTime(*request.range.to) : u"-"_s,
                                    request.kind.isEmpty() ? u"all"_s : request.kind);
    return appendAudit(db, u"export"_s, target, detail);
}

} // namespace

Expected<ExportSummary> exportEvents(Database &db, const ExportRequest &request, QIODevice &out, const QString &target)
{
    auto summary = writeEvents(db, request, out, target);
    if (!summary)
        return summary;
    if (auto audited = audit(db, request, *summary, target); !audited)
        return audited.error();
    return summary;
}

Expected<ExportSummary> exportEventsToFile(Database &db, const ExportRequest &request, const QString &path)
{
    const QString part = path + u".part"_s;
    QFile file(part);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return storeError(StoreReason::CannotOpen, u"%1: cannot write the export: %2"_s.arg(part, file.errorString()));
    auto summary = writeEvents(db, request, file, path);
    const bool flushed = summary && file.flush() && ::fsync(file.handle()) == 0;
    file.close();
    if (!summary || !flushed) {
        QFile::remove(part);
        if (!summary)
            return summary.error();
        return storeError(StoreReason::CannotOpen, u"%1: cannot write the export: %2"_s.arg(part, file.errorString()));
    }
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(part);
        return storeError(StoreReason::CannotOpen,
                          u"%1: cannot rename the export into place: %2"_s.arg(path, qt_error_string(errno)));
    }
    Flight::Format::syncParentDirectory(path); // the rename survives a crash, like the archives' own
    if (auto audited = audit(db, request, *summary, path); !audited)
        return audited.error();
    return summary;
}

} // namespace Deck::Core
