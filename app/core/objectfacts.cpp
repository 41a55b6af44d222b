// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectfacts.h"

#include "bytetext.h"
#include "database.h"
#include "querysql.h"

#include <QHash>
#include <QMap>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr qsizetype kBatch = 500; // ids per statement, well below every engine's parameter limit

// Per type: one SELECT of the columns id, host_id, hostname, process_id, pid, comm, ts, path, what, extra whose
// WHERE ends with "<table>.id IN (%1)".
QString factsSql(ObjectType type)
{
    switch (type) {
    case ObjectType::Process:
        return u"SELECT p.id, p.host_id, h.hostname, p.id, p.pid, p.comm, p.start_ts, p.exe, '', '' "
               u"FROM processes p JOIN hosts h ON h.id = p.host_id WHERE p.id IN (%1)"_s;
    case ObjectType::FileEvent:
        return u"SELECT f.id, f.host_id, h.hostname, f.process_id, p.pid, p.comm, f.ts, pa.path, f.op, '' "
               u"FROM file_events f JOIN hosts h ON h.id = f.host_id JOIN paths pa ON pa.id = f.path_id "
               u"LEFT JOIN processes p ON p.id = f.process_id WHERE f.id IN (%1)"_s;
    case ObjectType::NetEvent:
        return u"SELECT n.id, n.host_id, h.hostname, n.process_id, p.pid, p.comm, n.ts, NULL, n.op, "
               u"n.proto || ' ' || n.laddr || ':' || CAST(n.lport AS TEXT) "
               u"|| COALESCE(' -> ' || n.raddr || ':' || CAST(n.rport AS TEXT), '') "
               u"FROM net_events n JOIN hosts h ON h.id = n.host_id LEFT JOIN processes p ON p.id = n.process_id "
               u"WHERE n.id IN (%1)"_s;
    case ObjectType::StateChange:
        return u"SELECT s.id, s.host_id, h.hostname, NULL, NULL, NULL, s.ts, NULL, s.check_name, "
               u"COALESCE(s.severity, '') FROM state_changes s JOIN hosts h ON h.id = s.host_id WHERE s.id IN (%1)"_s;
    case ObjectType::Path:
        return u"SELECT pa.id, NULL, NULL, NULL, NULL, NULL, NULL, pa.path, '', '' FROM paths pa "
               u"WHERE pa.id IN (%1)"_s;
    case ObjectType::Host:
        return u"SELECT h.id, h.id, h.hostname, NULL, NULL, NULL, h.last_event_ts, NULL, '', '' FROM hosts h "
               u"WHERE h.id IN (%1)"_s;
    case ObjectType::Alert:
        return u"SELECT a.id, a.host_id, h.hostname, NULL, NULL, NULL, a.ts, NULL, a.title, a.triage "
               u"FROM alerts a JOIN hosts h ON h.id = a.host_id WHERE a.id IN (%1)"_s;
    case ObjectType::Archive:
        return u"SELECT r.id, r.host_id, h.hostname, NULL, NULL, NULL, r.first_ts, NULL, CAST(r.seq AS TEXT), "
               u"r.chain FROM archives r JOIN hosts h ON h.id = r.host_id WHERE r.id IN (%1)"_s;
    case ObjectType::Endpoint:
        return u"SELECT e.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.address, "
               u"CASE WHEN e.port < 0 THEN '' ELSE CAST(e.port AS TEXT) END FROM remote_endpoints e "
               u"WHERE e.id IN (%1)"_s;
    }
    return {};
}

ObjectFacts readFacts(const QSqlQuery &q, ObjectType type)
{
    ObjectFacts facts;
    facts.object = {type, q.value(0).toLongLong()};
    facts.exists = true;
    facts.hostId = optionalInt(q.value(1));
    facts.hostname = q.value(2).toString();
    facts.processId = optionalInt(q.value(3));
    facts.pid = optionalInt(q.value(4));
    facts.comm = q.value(5).toString();
    facts.ts = optionalInt(q.value(6));
    facts.path = q.value(7).toByteArray();
    facts.what = type == ObjectType::Process ? displayBytes(q.value(7).toByteArray()) : q.value(8).toString();
    if (type == ObjectType::Process)
        facts.path.clear();
    facts.extra = q.value(9).toString();
    return facts;
}

} // namespace

Expected<QList<ObjectFacts>> objectFacts(Database &db, const QList<ObjectRef> &objects)
{
    QMap<int, QList<qint64>> idsByType; // by ObjectType
    for (const ObjectRef &object : objects) {
        if (!idsByType[int(object.type)].contains(object.id))
            idsByType[int(object.type)].append(object.id);
    }
    QHash<QPair<int, qint64>, ObjectFacts> found;
    for (auto it = idsByType.cbegin(); it != idsByType.cend(); ++it) {
        const QList<qint64> &ids = it.value();
        for (qsizetype first = 0; first < ids.size(); first += kBatch) {
            QVariantList params;
            QStringList marks;
            for (qsizetype i = first; i < std::min(ids.size(), first + kBatch); ++i) {
                params << ids[i];
                marks << u"?"_s;
            }
            auto rows = db.query(factsSql(ObjectType(it.key())).arg(marks.join(u", "_s)), params, Database::Fetch::AtOnce);
            if (!rows)
                return rows.error();
            while (rows->next()) {
                ObjectFacts facts = readFacts(*rows, ObjectType(it.key()));
                found.insert({it.key(), facts.object.id}, facts);
            }
        }
    }
    QList<ObjectFacts> out;
    out.reserve(objects.size());
    for (const ObjectRef &object : objects) {
        ObjectFacts facts = found.value({int(object.type), object.id});
        facts.object = object;
        out.append(facts);
    }
    return out;
}

} // namespace Deck::Core
