// SPDX-License-Identifier: GPL-3.0-or-later
// utmp/wtmp records (glibc's struct utmp, utmp(5)) as a pure parser from bytes, and the `logins` items.
// Hostile input: the size must be a whole number of records, types and times are checked, strings are cut at
// their field size and made item text; an error names the record and the reason. At most kMaxRecords records.
#pragma once

#include "event.h"
#include "expected.h"

#include <QList>

namespace Flight::Integrity {

struct UtmpRecord
{
    int type = 0; // EMPTY, RUN_LVL, BOOT_TIME, ..., USER_PROCESS (7), DEAD_PROCESS (8)
    qint64 pid = 0;
    QString user, tty, host;
    qint64 ts = 0; // UTC ns
    bool operator==(const UtmpRecord &) const = default;
};

inline constexpr qsizetype kMaxUtmpRecords = 1 << 16;

qsizetype utmpRecordSize();
Expected<QList<UtmpRecord>> parseUtmp(QByteArrayView bytes);

// One item per USER_PROCESS record with a user (FORMAT.md §2.4: id `user@tty`; user, tty, host, login_ts, pid),
// sorted; a user@tty that appears twice (a stale record) is the latest login.
QList<Format::StateItem> loginItems(const QList<UtmpRecord> &records);

} // namespace Flight::Integrity
