// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginrecords.h"

#include "hostfiles.h"
#include "statediff.h"

#include <algorithm>
#include <cstring>
#include <utmp.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

QString field(const char *data, qsizetype size)
{
    return itemText(cField(data, size));
}

} // namespace

qsizetype utmpRecordSize()
{
    return sizeof(struct utmp);
}

Expected<QList<UtmpRecord>> parseUtmp(QByteArrayView bytes)
{
    constexpr qsizetype size = sizeof(struct utmp);
    if (bytes.size() % size != 0)
        return Error{u"%1 bytes are not a whole number of %2-byte records"_s.arg(bytes.size()).arg(size)};
    if (bytes.size() / size > kMaxUtmpRecords)
        return Error{u"more than %1 records"_s.arg(kMaxUtmpRecords)};
    QList<UtmpRecord> records;
    for (qsizetype offset = 0; offset < bytes.size(); offset += size) {
        struct utmp u;
        std::memcpy(&u, bytes.data() + offset, size);
        const qsizetype index = offset / size;
        if (u.ut_type < EMPTY || u.ut_type > ACCOUNTING)
            return Error{u"record %1: unknown type %2"_s.arg(index).arg(u.ut_type)};
        if (u.ut_tv.tv_sec < 0 || u.ut_tv.tv_usec < 0 || u.ut_tv.tv_usec > 999999)
            return Error{u"record %1: invalid time"_s.arg(index)};
        records.append({u.ut_type, qint64(u.ut_pid), field(u.ut_user, sizeof u.ut_user),
                        field(u.ut_line, sizeof u.ut_line), field(u.ut_host, sizeof u.ut_host),
                        qint64(u.ut_tv.tv_sec) * 1'000'000'000LL + qint64(u.ut_tv.tv_usec) * 1000});
    }
    return records;
}

QList<Format::StateItem> loginItems(const QList<UtmpRecord> &records)
{
    QList<const UtmpRecord *> logins;
    for (const UtmpRecord &r : records) {
        if (r.type == USER_PROCESS && !r.user.isEmpty())
            logins.append(&r);
    }
    std::stable_sort(logins.begin(), logins.end(), [](auto *a, auto *b) { return a->ts > b->ts; });
    QList<Format::StateItem> items;
    for (const UtmpRecord *r : logins) {
        items.append({r->user + u'@' + r->tty,
                      {{u"user"_s, r->user},
                       {u"tty"_s, r->tty},
                       {u"host"_s, r->host},
                       {u"login_ts"_s, r->ts},
                       {u"pid"_s, r->pid}}});
    }
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
