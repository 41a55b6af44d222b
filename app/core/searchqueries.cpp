// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchqueries.h"

#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

SearchQueries::SearchQueries(Database &db)
    : m_db(db)
{
}

Expected<SearchResults> SearchQueries::search(const QByteArray &needle, std::optional<qint64> hostId, int limit)
{
    if (needle.isEmpty())
        return storeError(StoreReason::NotFound, u"search: the text to search for is empty"_s);
    limit = std::max(1, limit);
    const Engine engine = m_db.engine();
    // comm is TEXT; the others are byte strings. The needle is bound once per column.
    QVariantList params{needle, needle, needle};
    QString sql = u"SELECT %1 FROM processes p WHERE (%2 > 0 OR %3 > 0 OR %4 > 0 OR %5 > 0)"_s.arg(
        processColumns(), containsBytes(engine, u"p.argv"_s), containsBytes(engine, u"p.exe"_s),
        containsBytes(engine, u"p.cwd"_s), containsBytes(engine, u"p.comm"_s));
    params << QString::fromUtf8(needle);
    if (hostId) {
        sql += u" AND p.host_id = ?"_s;
        params << *hostId;
    }
    sql += u" ORDER BY p.start_ts, p.id LIMIT %1"_s.arg(limit + 1);
    auto processes = m_db.query(sql, params);
    if (!processes)
        return processes.error();
    SearchResults results;
    while (processes->next()) {
        if (results.processes.size() == limit) {
            results.truncated = true;
            break;
        }
        ProcessHit hit{readProcess(*processes), {}};
        if (hit.process.argv.contains(needle))
            hit.fields << u"argv"_s;
        if (hit.process.exe.contains(needle))
            hit.fields << u"exe"_s;
        if (hit.process.cwd.contains(needle))
            hit.fields << u"cwd"_s;
        if (hit.process.comm.toUtf8().contains(needle))
            hit.fields << u"comm"_s;
        results.processes.append(std::move(hit));
    }

    auto paths = m_db.query(
        u"SELECT id, path FROM paths WHERE %1 > 0 ORDER BY path, id LIMIT %2"_s.arg(containsBytes(engine, u"path"_s))
            .arg(limit + 1),
        {needle});
    if (!paths)
        return paths.error();
    while (paths->next()) {
        if (results.paths.size() == limit) {
            results.truncated = true;
            break;
        }
        results.paths.append({paths->value(0).toLongLong(), paths->value(1).toByteArray()});
    }
    return results;
}

} // namespace Deck::Core
