// SPDX-License-Identifier: GPL-3.0-or-later
#include "processimagequeries.h"

#include "accountnames.h"
#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

ProcessImageQueries::ProcessImageQueries(Database &db)
    : m_db(db)
{
}

Expected<ProcessImageRow> ProcessImageQueries::image(qint64 processId)
{
    static const QString asOf = u"COALESCE(p.ids_ts, p.start_ts)"_s;
    static const QString names = accountNameAt("uid"_L1, u"p.host_id"_s, u"p.euid"_s, asOf) + u", "_s
        + accountNameAt("gid"_L1, u"p.host_id"_s, u"p.gid"_s, asOf) + u", "_s
        + accountNameAt("gid"_L1, u"p.host_id"_s, u"p.egid"_s, asOf);
    auto q = m_db.query(u"SELECT p.id, COALESCE(p.image_kind, ''), p.image_ts, COALESCE(p.argv_truncated, 0), p.euid, "
                        u"p.gid, p.egid, p.loginuid, p.sessionid, COALESCE(p.tty, ''), p.cgroup, "
                        u"COALESCE(p.exe_digest, ''), p.env, COALESCE(p.exit_core, 0), "_s
                            + names + u" FROM processes p WHERE p.id = ?"_s,
                        {processId});
    if (!q)
        return q.error();
    if (!q->next())
        return storeError(StoreReason::NotFound,
                          u"process #%1: no such process in the case %2"_s.arg(processId).arg(m_db.name()));
    ProcessImageRow row;
    row.id = q->value(0).toLongLong();
    row.imageKind = q->value(1).toString();
    row.imageTs = optionalInt(q->value(2));
    row.argvTruncated = q->value(3).toLongLong() != 0;
    row.euid = optionalInt(q->value(4));
    row.gid = optionalInt(q->value(5));
    row.egid = optionalInt(q->value(6));
    row.loginuid = optionalInt(q->value(7));
    row.sessionid = optionalInt(q->value(8));
    row.tty = q->value(9).toString();
    row.cgroup = q->value(10).toByteArray();
    row.exeDigest = q->value(11).toString();
    row.env = splitEnv(q->value(12).toByteArray());
    row.exitCore = q->value(13).toLongLong() != 0;
    row.euidName = q->value(14).toString();
    row.gidName = q->value(15).toString();
    row.egidName = q->value(16).toString();
    return row;
}

QList<QPair<QString, QByteArray>> splitEnv(const QByteArray &stored)
{
    QList<QPair<QString, QByteArray>> env;
    if (stored.isEmpty())
        return env;
    for (const QByteArray &element : stored.split('\0')) {
        const qsizetype equals = element.indexOf('=');
        if (equals < 0)
            env.append({QString::fromUtf8(element), QByteArray()});
        else
            env.append({QString::fromUtf8(element.left(equals)), element.mid(equals + 1)});
    }
    return env;
}

} // namespace Deck::Core
