// SPDX-License-Identifier: GPL-3.0-or-later
// The `accounts` check (FORMAT.md §2.4): which name each user id and group id has on the host, read from
// <root>/etc/passwd and <root>/etc/group — the files, never NSS: getpwent() may ask LDAP or sssd and hang the
// collector on a network timeout, so accounts that exist only in NSS (LDAP, sssd, NIS `+` lines, systemd's dynamic
// users) are not listed and their ids stay numbers in the workstation.
//
// Items: `uid:N` with `name`, `gid`, `home`, `shell`; `gid:N` with `name` and `members`. Several names for one id (a
// second uid-0 account is a classic backdoor) make one item whose `name` is the first in the file (what getpwuid()
// answers) and whose `aliases` lists the others. The files are hostile input: each read is bounded
// (kMaxAccountFileBytes), a line longer than kMaxAccountLine or malformed (too few fields, an id that is no decimal
// 0 … 4294967294, an empty name) is skipped as glibc skips it, and more than kMaxAccounts ids in all is an error
// (the check then keeps its last state and says so) rather than a silently cut list.
#pragma once

#include "integritycheck.h"

namespace Flight::Integrity {

inline constexpr qint64 kMaxAccountFileBytes = 8LL << 20;
inline constexpr qsizetype kMaxAccountLine = 4096;
inline constexpr qsizetype kMaxAccounts = 4000; // users and groups together: one snapshot line stays under 1 MiB

// The `uid:N` items of a passwd file and the `gid:N` items of a group file, sorted by id. Pure.
QList<Format::StateItem> passwdItems(QByteArrayView content);
QList<Format::StateItem> groupItems(QByteArrayView content);

class AccountsCheck : public IntegrityCheck
{
public:
    explicit AccountsCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("accounts"); }
    Expected<QList<Format::StateItem>> observe() override;

private:
    QString m_root;
};

} // namespace Flight::Integrity
