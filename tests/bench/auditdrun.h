// SPDX-License-Identifier: GPL-3.0-or-later
// AuditdRun: auditd as bench_exec's comparator, started as `auditd -n -c DIR` with a config of its own (raw log into
// DIR, no plugins) and one rule, `-a always,exit -F arch=b64 -S execve -k flightbench`. Everything it changes in the
// kernel (the rule, "enabled", the backlog limit) is undone by stop(), which the destructor calls; auditd runs in its
// own process group and gets SIGTERM from the kernel if the benchmark dies. Used from the benchmark's main thread;
// start() fails with a sentence naming the reason, stop() reports on stderr what it could not undo.
#pragma once

#include "execloop.h"
#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Flight::BenchExec {

class AuditdRun
{
public:
    static constexpr const char *kRule[] = {"-F", "arch=b64", "-S", "execve", "-k", "flightbench"};

    explicit AuditdRun(const QString &dir);
    ~AuditdRun() { stop(); }
    AuditdRun(const AuditdRun &) = delete;
    AuditdRun &operator=(const AuditdRun &) = delete;

    // The tool that is not installed (auditd or auditctl), empty when both are.
    static QString missing();
    // `auditctl -s`: the kernel's audit status by key (enabled, pid, lost, backlog_limit, ...).
    static QMap<QByteArray, qint64> status();
    // The loaded rules, one per line ("No rules" is none).
    static QStringList rules();

    Expected<void> start();
    qint64 pid() const { return m_process.state() == QProcess::Running ? m_process.processId() : 0; }
    // The kernel's "lost" counter over the run; set by stop().
    qint64 lost() const { return m_lost; }

    // Safe to call twice, and after a failed start.
    void stop();

    // EXECVE records whose a1 is a marker, per marker; only complete after stop().
    QList<RecordedExecs> count(const QList<QByteArray> &markers) const;

private:
    static QStringList ruleArgs(const QString &op);
    static bool auditctl(const QStringList &args);

    QString m_dir;
    QProcess m_process;
    QMap<QByteArray, qint64> m_saved;
    bool m_ruleAdded = false;
    qint64 m_lostBefore = 0, m_lost = 0;
};

} // namespace Flight::BenchExec
