// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorstore.h"

#include "auditlog.h"
#include "bulkwriter.h"
#include "database.h"
#include "digest.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr auto kListColumns = "l.id, l.name, l.source, l.from_url, l.fetched_ts, l.checked_ts, l.digest, "
                              "COALESCE(l.etag, ''), COALESCE(l.last_modified, ''), l.bad_lines, "
                              "(SELECT COUNT(*) FROM alerts a WHERE a.source = 'indicator' AND a.rule = l.name)";

IndicatorListInfo listInfo(const QSqlQuery &q)
{
    IndicatorListInfo info;
    info.id = q.value(0).toLongLong();
    info.name = q.value(1).toString();
    info.source = q.value(2).toString();
    info.fromUrl = q.value(3).toInt() != 0;
    info.fetchedTs = q.value(4).toLongLong();
    info.checkedTs = q.value(5).toLongLong();
    info.digest = q.value(6).toString();
    info.etag = q.value(7).toString();
    info.lastModified = q.value(8).toString();
    info.badLines = q.value(9).toLongLong();
    info.matches = q.value(10).toLongLong();
    return info;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

IndicatorStore::IndicatorStore(Database &db)
    : m_db(db)
{
}

std::optional<QString> IndicatorStore::nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > 100)
        return u"a list name has 1 to 100 characters"_s;
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            return u"a list name holds no control characters"_s;
    if (name != name.trimmed())
        return u"a list name does not start or end with a space"_s;
    return std::nullopt;
}

Expected<qint64> IndicatorStore::listId(const QString &name)
{
    auto id = m_db.scalar(u"SELECT id FROM indicator_lists WHERE name = ?"_s, {name});
    if (!id)
        return id.error();
    if (id->isNull())
        return storeError(StoreReason::NotFound, u"no indicator list named \u201c%1\u201d in %2"_s.arg(name, m_db.name()));
    return id->toLongLong();
}

Expected<void> IndicatorStore::insertIndicators(qint64 id, const QList<Indicator> &indicators)
{
    BulkWriter &bulk = m_db.bulk();
    if (auto started = bulk.start("indicators"_L1, {"list_id"_L1, "type"_L1, "value"_L1, "algorithm"_L1, "line"_L1});
        !started)
        return started;
    for (const Indicator &indicator : indicators) {
        bulk.addInt(id);
        bulk.addText(indicatorTypeName(indicator.type));
        bulk.addText(indicator.value);
        indicator.algorithm.isEmpty() ? bulk.addNull() : bulk.addText(indicator.algorithm);
        bulk.addInt(indicator.line);
        if (auto row = bulk.endRow(); !row) {
            bulk.abort();
            return row;
        }
    }
    return bulk.finish();
}

Expected<bool> IndicatorStore::store(const IndicatorListContent &content)
{
    if (auto problem = nameProblem(content.name))
        return storeError(StoreReason::Conflict, u"indicator list \u201c%1\u201d: %2"_s.arg(content.name, *problem));
    const qint64 now = Database::nowNs();
    const QString digest = Flight::Format::Blake2b256::hexHash(content.bytes);
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    auto fail = [this](const Error &error) {
        m_db.rollback();
        return error;
    };
    auto existing = m_db.scalar(u"SELECT id FROM indicator_lists WHERE name = ?"_s, {content.name});
    if (!existing)
        return fail(existing.error());
    const bool replacing = !existing->isNull();
    qint64 id = existing->toLongLong();
    const QVariantList fields{content.source, int(content.fromUrl), now, now, digest, nullIfEmpty(content.etag),
                              nullIfEmpty(content.lastModified), content.parsed.badLines};
    if (replacing) {
        auto cleared = m_db.execute(u"DELETE FROM indicators WHERE list_id = ?"_s, {id});
        if (!cleared)
            return fail(cleared.error());
        auto updated = m_db.execute(u"UPDATE indicator_lists SET source = ?, from_url = ?, fetched_ts = ?, "
                                    u"checked_ts = ?, digest = ?, etag = ?, last_modified = ?, bad_lines = ? "
                                    u"WHERE id = ?"_s,
                                    fields + QVariantList{id});
        if (!updated)
            return fail(updated.error());
    } else {
        auto inserted = m_db.scalar(u"INSERT INTO indicator_lists (source, from_url, fetched_ts, checked_ts, digest, "
                                    u"etag, last_modified, bad_lines, name, added_ts, added_by) "
                                    u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                                    fields + QVariantList{content.name, now, currentActor()});
        if (!inserted)
            return fail(inserted.error());
        id = inserted->toLongLong();
    }
    if (auto rows = insertIndicators(id, content.parsed.indicators); !rows)
        return fail(rows.error());
    const QString detail = u"%1 indicators from %2 (BLAKE2b-256 %3)"_s.arg(content.parsed.indicators.size())
                               .arg(content.source, digest);
    if (auto audited = appendAudit(m_db, u"indicators"_s, content.name, detail); !audited)
        return fail(audited.error());
    if (auto committed = m_db.commit(); !committed)
        return fail(committed.error());
    return replacing;
}

Expected<void> IndicatorStore::markChecked(const QString &name, const QString &etag, const QString &lastModified)
{
    auto id = listId(name);
    if (!id)
        return id.error();
    return m_db.execute(u"UPDATE indicator_lists SET checked_ts = ?, etag = COALESCE(?, etag), "
                        u"last_modified = COALESCE(?, last_modified) WHERE id = ?"_s,
                        {Database::nowNs(), nullIfEmpty(etag), nullIfEmpty(lastModified), *id});
}

Expected<void> IndicatorStore::remove(const QString &name)
{
    auto id = listId(name);
    if (!id)
        return id.error();
    if (auto begun = m_db.begin(); !begun)
        return begun;
    for (const QString &sql : {u"DELETE FROM indicators WHERE list_id = ?"_s, u"DELETE FROM indicator_lists WHERE id = ?"_s}) {
        if (auto done = m_db.execute(sql, {*id}); !done) {
            m_db.rollback();
            return done;
        }
    }
    if (auto audited = appendAudit(m_db, u"indicators-remove"_s, name, u"list removed; its alerts are kept"_s);
        !audited) {
        m_db.rollback();
        return audited;
    }
    return m_db.commit();
}

Expected<QList<IndicatorListInfo>> IndicatorStore::lists()
{
    QList<IndicatorListInfo> result;
    {
        auto q = m_db.query(u"SELECT %1 FROM indicator_lists l ORDER BY l.name"_s.arg(QLatin1StringView(kListColumns)));
        if (!q)
            return q.error();
        while (q->next())
            result.append(listInfo(*q));
    }
    auto counts = m_db.query(u"SELECT list_id, type, COUNT(*) FROM indicators GROUP BY list_id, type"_s);
    if (!counts)
        return counts.error();
    while (counts->next()) {
        for (IndicatorListInfo &info : result) {
            if (info.id != counts->value(0).toLongLong())
                continue;
            info.counts.insert(counts->value(1).toString(), counts->value(2).toLongLong());
            info.indicators += counts->value(2).toLongLong();
        }
    }
    return result;
}

Expected<IndicatorListInfo> IndicatorStore::list(const QString &name)
{
    auto all = lists();
    if (!all)
        return all.error();
    for (const IndicatorListInfo &info : std::as_const(*all))
        if (info.name == name)
            return info;
    return storeError(StoreReason::NotFound, u"no indicator list named \u201c%1\u201d in %2"_s.arg(name, m_db.name()));
}

Expected<QList<StoredIndicator>> IndicatorStore::indicators(const QString &name)
{
    auto all = allIndicators(name);
    if (!all)
        return all.error();
    QList<StoredIndicator> result;
    result.reserve(all->size());
    for (const auto &[list, indicator] : std::as_const(*all))
        result.append(indicator);
    return result;
}

Expected<QList<std::pair<QString, StoredIndicator>>> IndicatorStore::allIndicators(const QString &onlyList)
{
    if (!onlyList.isEmpty())
        if (auto id = listId(onlyList); !id)
            return id.error();
    auto q = m_db.query(u"SELECT l.name, i.type, i.value, COALESCE(i.algorithm, ''), i.line FROM indicators i "
                        u"JOIN indicator_lists l ON l.id = i.list_id WHERE (? = '' OR l.name = ?) "
                        u"ORDER BY l.name, i.line"_s,
                        {onlyList.isEmpty() ? u""_s : onlyList, onlyList.isEmpty() ? u""_s : onlyList},
                        Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    QList<std::pair<QString, StoredIndicator>> result;
    while (q->next()) {
        const auto type = indicatorTypeFromName(q->value(1).toString());
        if (!type)
            continue; // a type a newer build stored
        result.append({q->value(0).toString(),
                       StoredIndicator{*type, q->value(2).toString(), q->value(3).toString(), q->value(4).toInt()}});
    }
    return result;
}

Expected<qint64> IndicatorStore::indicatorCount()
{
    auto count = m_db.scalar(u"SELECT COUNT(*) FROM indicators"_s);
    if (!count)
        return count.error();
    return count->toLongLong();
}

Expected<QList<IndicatorMatch>> IndicatorStore::matches(int limit, bool *truncated)
{
    auto q = m_db.query(u"SELECT a.id, a.ts, a.host_id, h.hostname, a.rule, a.severity, a.title, "
                        u"COALESCE(a.detail, ''), a.triage, e.object_type, e.object_id FROM alerts a "
                        u"JOIN hosts h ON h.id = a.host_id "
                        u"LEFT JOIN alert_evidence e ON e.alert_id = a.id AND e.ordinal = 0 "
                        u"WHERE a.source = 'indicator' ORDER BY a.ts DESC, a.id DESC LIMIT ?"_s,
                        {limit + 1}, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    QList<IndicatorMatch> result;
    *truncated = false;
    while (q->next()) {
        if (result.size() == limit) {
            *truncated = true;
            break;
        }
        IndicatorMatch match{q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(),
                             q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
                             q->value(6).toString(), q->value(7).toString(), q->value(8).toString(), std::nullopt};
        if (const auto type = objectTypeFromName(q->value(9).toString()))
            match.about = ObjectRef{*type, q->value(10).toLongLong()};
        result.append(match);
    }
    return result;
}

} // namespace Deck::Core
