// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountnames.h"

#include "bytetext.h"
#include "database.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::Core {

namespace {

constexpr qint64 kMaxId = 4294967294LL;

// "uid:1000" -> ("uid", 1000); nullopt for an id that is not one the check writes.
std::optional<std::pair<QLatin1StringView, qint64>> accountId(const QString &id)
{
    for (const QLatin1StringView kind : {"uid"_L1, "gid"_L1}) {
        if (id.size() > kind.size() + 1 && id.startsWith(kind) && id.at(kind.size()) == u':') {
            bool ok = false;
            const qint64 number = QStringView(id).sliced(kind.size() + 1).toLongLong(&ok);
            if (ok && number >= 0 && number <= kMaxId)
                return std::pair{kind, number};
            return std::nullopt;
        }
    }
    return std::nullopt;
}

QVariant nameOf(const StateItem *item)
{
    if (!item)
        return QVariant(QMetaType(QMetaType::QString));
    const AttrValue value = item->attrs.value(u"name"_s);
    const auto *name = std::get_if<QString>(&value);
    return name ? QVariant(*name) : QVariant(QMetaType(QMetaType::QString));
}

class AccountRows
{
public:
    AccountRows(Database &db, qint64 hostId)
        : m_db(db)
        , m_hostId(hostId)
    {
    }

    Expected<void> add(const QString &id, qint64 ts, const StateItem *item)
    {
        const auto parsed = accountId(id);
        if (!parsed)
            return {}; // not an id the check writes: nothing to resolve with it
        auto q = m_db.keptQuery(u"INSERT INTO account_names (host_id, kind, num, ts, name) VALUES (?, ?, ?, ?, ?) "
                                u"ON CONFLICT DO NOTHING"_s,
                                {m_hostId, QString(parsed->first), parsed->second, ts, nameOf(item)});
        if (!q)
            return q.error();
        return {};
    }

    Expected<void> snapshot(qint64 ts)
    {
        return m_db.execute(u"INSERT INTO account_snapshots (host_id, ts) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
                            {m_hostId, ts});
    }

private:
    Database &m_db;
    qint64 m_hostId;
};

} // namespace

Expected<void> storeAccounts(Database &db, qint64 hostId, qint64 archiveFirstTs, const QList<Event> &events)
{
    AccountRows rows(db, hostId);
    for (const Event &event : events) {
        if (const auto *snapshot = std::get_if<StateSnapshot>(&event.body)) {
            const qint64 ts = std::min(event.ts, archiveFirstTs);
            if (auto stored = rows.snapshot(ts); !stored)
                return stored;
            for (const StateItem &item : snapshot->items) {
                if (auto stored = rows.add(item.id, ts, &item); !stored)
                    return stored;
            }
        } else if (const auto *change = std::get_if<StateChange>(&event.body)) {
            for (const StateItem &item : change->added) {
                if (auto stored = rows.add(item.id, event.ts, &item); !stored)
                    return stored;
            }
            for (const StateItem &item : change->removed) {
                if (auto stored = rows.add(item.id, event.ts, nullptr); !stored)
                    return stored;
            }
            for (const ItemChange &changed : change->changed) {
                if (auto stored = rows.add(changed.id, event.ts, &changed.after); !stored)
                    return stored;
            }
        }
    }
    return {};
}

QString accountNameAt(QLatin1StringView kind, const QString &hostColumn, const QString &idColumn,
                      const QString &tsColumn)
{
    return u"(SELECT an.name FROM account_names an WHERE an.host_id = %1 AND an.kind = '%2' AND an.num = %3 "
           u"AND an.ts <= %4 AND an.ts >= COALESCE((SELECT MAX(asn.ts) FROM account_snapshots asn "
           u"WHERE asn.host_id = %1 AND asn.ts <= %4), %4) ORDER BY an.ts DESC LIMIT 1)"_s.arg(hostColumn, kind,
                                                                                               idColumn, tsColumn);
}

namespace {
Expected<QString> nameAt(Database &db, const QString &kind, qint64 hostId, qint64 id, qint64 ts)
{
    auto q = db.query(u"SELECT an.name FROM account_names an WHERE an.host_id = ? AND an.kind = ? AND an.num = ? "
                      u"AND an.ts <= ? AND an.ts >= COALESCE((SELECT MAX(asn.ts) FROM account_snapshots asn "
                      u"WHERE asn.host_id = ? AND asn.ts <= ?), ?) ORDER BY an.ts DESC LIMIT 1"_s,
                      {hostId, kind, id, ts, hostId, ts, ts});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}
} // namespace

Expected<QString> userNameAt(Database &db, qint64 hostId, qint64 uid, qint64 ts)
{
    return nameAt(db, u"uid"_s, hostId, uid, ts);
}

Expected<QString> groupNameAt(Database &db, qint64 hostId, qint64 gid, qint64 ts)
{
    return nameAt(db, u"gid"_s, hostId, gid, ts);
}

Expected<AccountNameIndex> AccountNameIndex::load(Database &db, QLatin1StringView kind, qint64 hostId)
{
    AccountNameIndex index;
    auto snapshots = db.query(u"SELECT ts FROM account_snapshots WHERE host_id = ? ORDER BY ts"_s, {hostId});
    if (!snapshots)
        return snapshots.error();
    while (snapshots->next())
        index.m_snapshots.append(snapshots->value(0).toLongLong());
    auto names = db.query(u"SELECT num, ts, name FROM account_names WHERE host_id = ? AND kind = ? ORDER BY num, ts"_s,
                          {hostId, QString(kind)});
    if (!names)
        return names.error();
    while (names->next())
        index.m_names[names->value(0).toLongLong()].append({names->value(1).toLongLong(), names->value(2).toString()});
    return index;
}

QString AccountNameIndex::nameAt(qint64 id, qint64 ts) const
{
    const auto found = m_names.constFind(id);
    if (found == m_names.cend())
        return {};
    // The newest row at or before ts, if it is not older than the newest snapshot at or before ts.
    const auto &rows = *found;
    const auto after = std::upper_bound(rows.cbegin(), rows.cend(), ts,
                                        [](qint64 at, const std::pair<qint64, QString> &row) { return at < row.first; });
    if (after == rows.cbegin())
        return {};
    const auto snapshot = std::upper_bound(m_snapshots.cbegin(), m_snapshots.cend(), ts);
    const qint64 oldest = snapshot == m_snapshots.cbegin() ? ts : *(snapshot - 1);
    const auto &newest = *(after - 1);
    return newest.first >= oldest ? newest.second : QString();
}

QString userText(qint64 uid, const QString &name)
{
    return name.isEmpty() ? QString::number(uid) : u"%1 (%2)"_s.arg(displayBytes(name.toUtf8()), QString::number(uid));
}

} // namespace Deck::Core
