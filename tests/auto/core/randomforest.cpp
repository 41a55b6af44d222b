// SPDX-License-Identifier: GPL-3.0-or-later
#include "randomforest.h"

#include "bulkwriter.h"

#include <QHash>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

qint64 RandomForest::parentOf(qint64 i)
{
    if (i <= 3)
        return 0;
    const quint64 h = quint64(i) * 0x9E3779B97F4A7C15ULL;
    if ((h >> 7) % 50 == 0)
        return 0;
    return 1 + qint64((h >> 29) % quint64(i - 1));
}

qint64 RandomForest::startOf(qint64 i)
{
    return kBase + (i * 7919) % 100003;
}

std::optional<qint64> RandomForest::exitOf(qint64 i)
{
    return i % 3 ? std::optional<qint64>(startOf(i) + 500 + i % 1000) : std::nullopt;
}

Flight::Expected<qint64> RandomForest::write(Core::Database &db, const QString &machine) const
{
    if (auto added = db.execute(u"INSERT INTO hosts (machine_id, hostname, first_import_ts, last_import_ts) "
                                u"VALUES (?, ?, 0, 0)"_s,
                                {machine, machine});
        !added)
        return added.error();
    auto host = db.scalar(u"SELECT id FROM hosts WHERE machine_id = ?"_s, {machine});
    if (!host)
        return host.error();
    Core::BulkWriter &bulk = db.bulk();
    if (auto begun = db.begin(); !begun)
        return begun.error();
    if (auto started = bulk.start("processes"_L1,
                                  {"id"_L1, "host_id"_L1, "boot_id"_L1, "pid"_L1, "start"_L1, "start_ts"_L1,
                                   "parent_id"_L1, "comm"_L1, "argv"_L1, "exit_ts"_L1});
        !started)
        return started.error();
    for (qint64 i = 1; i <= count + 3; ++i) {
        bulk.addInt(firstId + i);
        bulk.addInt(host->toLongLong());
        bulk.addInt(1);
        bulk.addInt(i);
        bulk.addInt(i);
        bulk.addInt(i <= count ? startOf(i) : kBase + i);
        if (i == count + 1)
            bulk.addInt(firstId + count + 2);
        else if (i == count + 2)
            bulk.addInt(firstId + count + 1);
        else if (i == count + 3)
            bulk.addInt(firstId + 10 * count);
        else
            parentOf(i) ? bulk.addInt(firstId + parentOf(i)) : bulk.addNull();
        bulk.addText(QByteArrayView("p" + QByteArray::number(i)));
        bulk.addBlob(QByteArray("p\0-x", 4));
        bulk.addOptional(i <= count ? exitOf(i) : std::nullopt);
        if (auto ended = bulk.endRow(); !ended)
            return ended.error();
    }
    if (auto finished = bulk.finish(); !finished)
        return finished.error();
    if (auto committed = db.commit(); !committed)
        return committed.error();
    if (auto analysed = db.execute(u"ANALYZE"_s); !analysed)
        return analysed.error();
    return host->toLongLong();
}

RandomForest::Layout RandomForest::expected(std::optional<qint64> from, std::optional<qint64> to, int maxDepth) const
{
    QHash<qint64, QList<qint64>> children;
    QList<qint64> roots;
    for (qint64 i = 1; i <= count; ++i) {
        if (const qint64 parent = parentOf(i))
            children[parent].append(i);
        else if ((!to || startOf(i) < *to) && (!from || !exitOf(i) || *exitOf(i) >= *from))
            roots.append(i);
    }
    const auto byStart = [](qint64 a, qint64 b) { return std::pair(startOf(a), a) < std::pair(startOf(b), b); };
    Layout result;
    std::function<void(qint64, int)> visit = [&](qint64 id, int depth) {
        result.ids.append(id);
        result.depths.append(depth);
        if (depth == maxDepth)
            return;
        QList<qint64> kids = children.value(id);
        std::sort(kids.begin(), kids.end(), byStart);
        for (const qint64 kid : std::as_const(kids))
            visit(kid, depth + 1);
    };
    std::sort(roots.begin(), roots.end(), byStart);
    for (const qint64 root : std::as_const(roots))
        visit(root, 0);
    return result;
}

} // namespace Deck::TestSupport
