// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventbranches.h"

#include "accountnames.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr const char *kNoNet = "CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), "
                               "CAST(NULL AS BIGINT)";

const QList<const char *> &branches()
{
    static const QList<const char *> list{
        "SELECT x.ts, 0, x.id, x.host_id, x.kind, p.pid, p.start, p.comm, p.exe, CAST(NULL AS TEXT), "
        "CAST(NULL AS {blob}), CAST(NULL AS {blob}), {nonet}, CAST(1 AS BIGINT), x.detail, x.process_id, p.uid, "
        "p.argv, {username} FROM process_events x JOIN processes p ON p.id = x.process_id",
        "SELECT x.ts, 1, x.id, x.host_id, CAST('file.access' AS TEXT), p.pid, p.start, p.comm, p.exe, x.op, pa.path, "
        "tp.path, {nonet}, x.count, CAST(NULL AS TEXT), x.process_id, p.uid, p.argv, {username} FROM file_events x "
        "JOIN paths pa ON pa.id = x.path_id LEFT JOIN paths tp ON tp.id = x.to_path_id "
        "JOIN processes p ON p.id = x.process_id",
        "SELECT x.ts, 2, x.id, x.host_id, CAST('net.endpoint' AS TEXT), p.pid, p.start, p.comm, p.exe, x.op, "
        "CAST(NULL AS {blob}), CAST(NULL AS {blob}), x.proto, x.laddr, x.lport, x.raddr, x.rport, x.count, "
        "CAST(NULL AS TEXT), x.process_id, p.uid, p.argv, {username} FROM net_events x LEFT JOIN processes p ON p.id = "
        "x.process_id",
        "SELECT x.ts, 3, x.id, x.host_id, x.kind, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), "
        "CAST(NULL AS {blob}), x.check_name, CAST(NULL AS {blob}), CAST(NULL AS {blob}), {nonet}, x.items, x.detail, "
        "CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS {blob}), {nouser} FROM state_changes x",
        "SELECT x.ts, 4, x.id, x.host_id, x.kind, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), "
        "CAST(NULL AS {blob}), CAST(NULL AS TEXT), CAST(NULL AS {blob}), CAST(NULL AS {blob}), {nonet}, "
        "CAST(1 AS BIGINT), x.detail, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS {blob}), {nouser} FROM "
        "host_events x",
        "SELECT x.ts, 5, x.id, x.host_id, CAST('rec.loss' AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), "
        "CAST(NULL AS TEXT), CAST(NULL AS {blob}), x.source, CAST(NULL AS {blob}), CAST(NULL AS {blob}), {nonet}, "
        "x.count, x.reason, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS {blob}), {nouser} FROM losses x",
    };
    return list;
}

} // namespace

QString eventColumns()
{
    return u"ts, r, id, host_id, k, pid, pstart, comm, exe, op, path, to_path, proto, laddr, lport, raddr, rport, n, "
           u"detail, process_id, uid, argv, user_name"_s;
}

QString eventBranchSelect(int branch, Engine engine)
{
    QString select = QString::fromLatin1(branches().at(branch));
    // The uid's name on the event's host at the event's time (accountnames.h).
    static const QString userName = accountNameAt("uid"_L1, u"x.host_id"_s, u"p.uid"_s, u"x.ts"_s);
    select.replace("{nonet}"_L1, QLatin1StringView(kNoNet))
        .replace("{username}"_L1, userName)
        .replace("{nouser}"_L1, "CAST(NULL AS TEXT)"_L1)
        .replace("{blob}"_L1, engine == Engine::Sqlite ? "BLOB"_L1 : "BYTEA"_L1);
    return select;
}

QString eventBranchFrom(int branch, bool process, bool path)
{
    static const char *const tables[]
        = {"process_events", "file_events", "net_events", "state_changes", "host_events", "losses"};
    QString from = QString::fromLatin1(tables[branch]) + u" x"_s;
    if (process && branch <= NetBranch)
        from += branch == NetBranch ? u" LEFT JOIN processes p ON p.id = x.process_id"_s
                                    : u" JOIN processes p ON p.id = x.process_id"_s;
    if (path && branch == FileBranch)
        from += u" JOIN paths pa ON pa.id = x.path_id"_s;
    return from;
}

} // namespace Deck::Core
