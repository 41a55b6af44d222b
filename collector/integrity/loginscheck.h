// SPDX-License-Identifier: GPL-3.0-or-later
// The `logins` check: who is logged in now, from <root>/var/run/utmp (USER_PROCESS records; see loginrecords.h). A host
// without utmp (systemd-logind only, or a container) has no logins: an empty list. utmp says what login programs
// wrote: a login whose session crashed may stay until the tty is reused (who(1) shows it too).
// readLoginHistory(): the newest records of <root>/var/log/wtmp, for a history view or a start-up record. Hosts
// that keep history in wtmpdb (a SQLite database, newer distributions) and have no wtmp get an error saying so:
// the collector links no SQL driver.
#pragma once

#include "integritycheck.h"
#include "loginrecords.h"

namespace Flight::Integrity {

class LoginsCheck : public IntegrityCheck
{
public:
    explicit LoginsCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("logins"); }
    Expected<QList<Format::StateItem>> observe() override;

private:
    QString m_root;
};

// The last `maxRecords` records of wtmp (every type: logins, logouts, boots), oldest first.
Expected<QList<UtmpRecord>> readLoginHistory(const QString &root, qsizetype maxRecords = 1000);

} // namespace Flight::Integrity
