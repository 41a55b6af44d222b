// SPDX-License-Identifier: GPL-3.0-or-later
// What makes an integrity check run before its next scheduled time: events other sources recorded. A write, create,
// delete or rename of a watched path (FilesCheck::watches) runs `files`; of the package databases (dpkg's admin dir,
// /var/lib/dpkg unless configured otherwise, and /var/lib/rpm) `packages`; of utmp `logins`; of /etc/passwd or /etc/group `accounts`; a TCP listen or close, or a
// UDP bind, `listeners`. The kernel log lines about modules and BPF (the integrity source reads those itself) run
// `modules` and `bpf`.
//
// Contract: note() is called from the capture sources' threads (through ObservedSource) and is quick and
// thread-safe; it marks checks pending and wakes the integrity source through wakeFd() (an eventfd, readable while
// checks are pending); take() hands the pending checks over and clears them.
#pragma once

#include "event.h"
#include "filescheck.h"

#include <QMutex>
#include <QSet>

namespace Flight::Integrity {

// Pure: the checks `event` should run, given the files check that knows the watched paths.
QSet<QString> checksTriggeredBy(const Format::Event &event, const FilesCheck &files,
                                const QByteArray &dpkgAdminDir = QByteArrayLiteral("/var/lib/dpkg"));

class IntegrityTriggers
{
public:
    explicit IntegrityTriggers(const CheckOptions &options);
    ~IntegrityTriggers();
    IntegrityTriggers(const IntegrityTriggers &) = delete;
    IntegrityTriggers &operator=(const IntegrityTriggers &) = delete;

    void note(const Format::Event &event);
    void trigger(const QSet<QString> &checks);
    QSet<QString> take();
    int wakeFd() const { return m_wake; }

private:
    const FilesCheck m_files; // watches() only
    const QByteArray m_dpkgAdminDir;
    QMutex m_mutex;
    QSet<QString> m_pending;
    int m_wake = -1;
};

} // namespace Flight::Integrity
