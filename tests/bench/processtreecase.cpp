// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtreecase.h"

#include "bulkwriter.h"
#include "database.h"

#include <QList>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Deck::Bench {

namespace {

constexpr qint64 kBaseTs = 1760000000000000000LL;
constexpr int kUsers = 5;

// The parent of process i (ids 1..n; 0 = a root whose parent the case does not hold).
qint64 parentOf(qint64 i)
{
    if (i <= 2)
        return 0;
    const quint64 h = quint64(i) * 0x9E3779B97F4A7C15ULL;
    if ((h >> 7) % 100 == 0)
        return 0;
    if ((h >> 17) % 20 == 0)
        return 2;
    return 1 + qint64((h >> 29) % quint64(i - 1));
}

bool failed(const Core::Expected<void> &result)
{
    if (!result)
        std::fprintf(stderr, "processtreecase: %s\n", qPrintable(result.error().message));
    return !result;
}

bool writeAccounts(Core::Database &db, qint64 host)
{
    Core::BulkWriter &bulk = db.bulk();
    if (failed(bulk.start("account_snapshots"_L1, {"host_id"_L1, "ts"_L1})))
        return false;
    bulk.addInt(host);
    bulk.addInt(kBaseTs);
    if (failed(bulk.endRow()) || failed(bulk.finish()))
        return false;
    if (failed(bulk.start("account_names"_L1, {"host_id"_L1, "kind"_L1, "num"_L1, "ts"_L1, "name"_L1})))
        return false;
    for (int user = 0; user < kUsers; ++user) {
        bulk.addInt(host);
        bulk.addText(QByteArrayView("uid"));
        bulk.addInt(1000 + user);
        bulk.addInt(kBaseTs);
        bulk.addText(QByteArrayView("user" + QByteArray::number(user)));
        if (failed(bulk.endRow()))
            return false;
    }
    return !failed(bulk.finish());
}

bool writeProcesses(Core::Database &db, qint64 host, qint64 processes, ProcessTreeShape &shape)
{
    Core::BulkWriter &bulk = db.bulk();
    if (failed(bulk.start("processes"_L1,
                          {"id"_L1, "host_id"_L1, "boot_id"_L1, "pid"_L1, "start"_L1, "start_ts"_L1, "parent_pid"_L1,
                           "parent_start"_L1, "parent_id"_L1, "first_ts"_L1, "last_ts"_L1, "image_kind"_L1, "comm"_L1,
                           "exe"_L1, "argv"_L1, "cwd"_L1, "uid"_L1, "exit_ts"_L1, "exit_code"_L1})))
        return false;
    QList<int> depth(processes + 1, 0);
    for (qint64 i = 1; i <= processes; ++i) {
        const qint64 parent = parentOf(i);
        depth[i] = parent ? depth[parent] + 1 : 0;
        if (depth[i] > shape.depth) {
            shape.depth = depth[i];
            shape.deepest = i;
        }
        const qint64 start = kBaseTs + i * 1000000;
        const QByteArray exe = "/usr/bin/prog" + QByteArray::number(i % 300);
        bulk.addInt(i);
        bulk.addInt(host);
        bulk.addInt(1);
        bulk.addInt(i);
        bulk.addInt(i * 10);
        bulk.addInt(start);
        bulk.addInt(parent ? parent : 1000000000 + i);
        bulk.addInt(parent ? parent * 10 : 5);
        parent ? bulk.addInt(parent) : bulk.addNull();
        bulk.addInt(start);
        bulk.addInt(start + 500000000);
        bulk.addText(QByteArrayView("proc.exec"));
        bulk.addText(QByteArrayView("prog" + QByteArray::number(i % 300)));
        bulk.addBlob(exe);
        bulk.addBlob(QByteArray(exe + '\0' + "--option=" + QByteArray::number(i)));
        bulk.addBlob(QByteArrayView("/"));
        bulk.addInt(1000 + i % kUsers);
        i % 3 ? bulk.addInt(start + 500000000) : bulk.addNull();
        i % 3 ? bulk.addInt(0) : bulk.addNull();
        if (failed(bulk.endRow()))
            return false;
    }
    return !failed(bulk.finish());
}

} // namespace

std::optional<ProcessTreeShape> writeProcessTree(Core::Database &db, qint64 processes)
{
    ProcessTreeShape shape;
    if (failed(db.execute(u"INSERT INTO hosts (machine_id, hostname, first_import_ts, last_import_ts) "
                          u"VALUES ('bench', 'bench-host', 0, 0)"_s)))
        return std::nullopt;
    auto host = db.scalar(u"SELECT id FROM hosts WHERE machine_id = 'bench'"_s);
    if (!host) {
        std::fprintf(stderr, "processtreecase: %s\n", qPrintable(host.error().message));
        return std::nullopt;
    }
    shape.host = host->toLongLong();
    if (failed(db.begin()))
        return std::nullopt;
    if (!writeAccounts(db, shape.host) || !writeProcesses(db, shape.host, processes, shape)) {
        db.rollback();
        return std::nullopt;
    }
    if (failed(db.commit()) || failed(db.execute(u"ANALYZE"_s)))
        return std::nullopt;
    return shape;
}

} // namespace Deck::Bench
