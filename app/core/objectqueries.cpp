// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectqueries.h"

#include "bytetext.h"
#include "database.h"
#include "endpointmarks.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// Every statement returns: host id, hostname, ts, process id, then the columns its text is made of.
QString statementFor(ObjectType type)
{
    switch (type) {
    case ObjectType::Process:
        return u"SELECT p.host_id, h.hostname, p.start_ts, p.id, p.pid, COALESCE(p.comm, ''), p.exe "
               u"FROM processes p JOIN hosts h ON h.id = p.host_id WHERE p.id = ?"_s;
    case ObjectType::FileEvent:
        return u"SELECT f.host_id, h.hostname, f.ts, f.process_id, f.op, pa.path, tp.path, p.pid, "
               u"COALESCE(p.comm, '') FROM file_events f JOIN hosts h ON h.id = f.host_id "
               u"JOIN paths pa ON pa.id = f.path_id LEFT JOIN paths tp ON tp.id = f.to_path_id "
               u"LEFT JOIN processes p ON p.id = f.process_id WHERE f.id = ?"_s;
    case ObjectType::NetEvent:
        return u"SELECT n.host_id, h.hostname, n.ts, n.process_id, n.op, n.proto, n.laddr, n.lport, "
               u"COALESCE(n.raddr, ''), n.rport, p.pid, COALESCE(p.comm, '') FROM net_events n "
               u"JOIN hosts h ON h.id = n.host_id LEFT JOIN processes p ON p.id = n.process_id WHERE n.id = ?"_s;
    case ObjectType::StateChange:
        return u"SELECT s.host_id, h.hostname, s.ts, NULL, s.kind, s.check_name, COALESCE(s.severity, ''), s.items "
               u"FROM state_changes s JOIN hosts h ON h.id = s.host_id WHERE s.id = ?"_s;
    case ObjectType::Path:
        return u"SELECT NULL, '', NULL, NULL, path FROM paths WHERE id = ?"_s;
    case ObjectType::Host:
        return u"SELECT id, hostname, NULL, NULL, machine_id FROM hosts WHERE id = ?"_s;
    case ObjectType::Alert:
        return u"SELECT a.host_id, h.hostname, a.ts, NULL, a.severity, a.title, a.triage FROM alerts a "
               u"JOIN hosts h ON h.id = a.host_id WHERE a.id = ?"_s;
    case ObjectType::Archive:
        return u"SELECT a.host_id, h.hostname, a.first_ts, NULL, a.seq, a.digest FROM archives a "
               u"JOIN hosts h ON h.id = a.host_id WHERE a.id = ?"_s;
    case ObjectType::Endpoint:
        return u"SELECT NULL, '', NULL, NULL, address, port FROM remote_endpoints WHERE id = ?"_s;
    }
    return {};
}

QString byWhom(const QSqlQuery &q, int pidColumn)
{
    if (q.value(pidColumn).isNull())
        return {};
    return u" by pid %1 (%2)"_s.arg(q.value(pidColumn).toLongLong())
        .arg(displayBytes(q.value(pidColumn + 1).toString().toUtf8()));
}

QString textOf(ObjectType type, const QSqlQuery &q)
{
    const auto s = [&](int column) { return q.value(column).toString(); };
    const auto n = [&](int column) { return q.value(column).toLongLong(); };
    const auto bytes = [&](int column) { return displayBytes(q.value(column).toByteArray()); };
    switch (type) {
    case ObjectType::Process:
        return u"process %1 %2 (%3)"_s.arg(n(4)).arg(displayBytes(s(5).toUtf8()), bytes(6));
    case ObjectType::FileEvent: {
        const QString target = q.value(6).isNull() ? QString() : u" -> %1"_s.arg(bytes(6));
        return u"file %1 %2%3%4"_s.arg(s(4), bytes(5), target, byWhom(q, 7));
    }
    case ObjectType::NetEvent: {
        const QString remote = s(8).isEmpty() ? QString() : u" -> %1:%2"_s.arg(s(8)).arg(n(9));
        return u"net %1 %2 %3:%4%5%6"_s.arg(s(4), s(5), s(6)).arg(n(7)).arg(remote, byWhom(q, 10));
    }
    case ObjectType::StateChange:
        return u"%1 %2, severity %3, %4 items"_s.arg(s(4), s(5), s(6).isEmpty() ? u"-"_s : s(6)).arg(n(7));
    case ObjectType::Path:
        return u"path %1"_s.arg(bytes(4));
    case ObjectType::Host:
        return u"host %1 (machine-id %2)"_s.arg(s(1), s(4));
    case ObjectType::Alert:
        return u"alert %1: %2 (triage %3)"_s.arg(s(4), s(5), s(6));
    case ObjectType::Archive:
        return u"archive seq %1, digest %2"_s.arg(n(4)).arg(s(5));
    case ObjectType::Endpoint:
        return u"endpoint %1"_s.arg(endpointText({s(4), n(5) < 0 ? std::nullopt : std::optional<qint64>(n(5))}));
    }
    return {};
}

} // namespace

ObjectQueries::ObjectQueries(Database &db)
    : m_db(db)
{
}

Expected<ObjectSummary> ObjectQueries::describe(const ObjectRef &object)
{
    auto q = m_db.query(statementFor(object.type), {object.id});
    if (!q)
        return q.error();
    ObjectSummary summary;
    summary.object = object;
    if (!q->next()) {
        summary.text = u"%1 #%2: not in the case"_s.arg(objectTypeName(object.type)).arg(object.id);
        return summary;
    }
    summary.found = true;
    summary.hostId = optionalInt(q->value(0));
    summary.hostname = q->value(1).toString();
    summary.ts = optionalInt(q->value(2));
    summary.processId = optionalInt(q->value(3));
    summary.text = textOf(object.type, *q);
    return summary;
}

} // namespace Deck::Core
