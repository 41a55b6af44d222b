// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "database.h"
#include "keptstatements.h"

#include <QSysInfo>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deck::Core {

QString currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (const passwd *entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        user = QString::fromLocal8Bit(entry->pw_name);
    return u"%1@%2"_s.arg(user.isEmpty() ? QString::number(::geteuid()) : user, QSysInfo::machineHostName());
}

Expected<void> appendAudit(Database &db, const QString &action, const QString &object, const QString &detail)
{
    return executeKept(db, u"INSERT INTO audit_log (ts, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)"_s,
                       {Database::nowNs(), currentActor(), action, object, detail});
}

} // namespace Deck::Core
