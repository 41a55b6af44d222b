// SPDX-License-Identifier: GPL-3.0-or-later
// auditd as bench_exec's comparator (see auditdrun.h).
#include "auditdrun.h"

#include "benchsupport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::BenchSupport;

namespace Flight::BenchExec {

AuditdRun::AuditdRun(const QString &dir)
    : m_dir(dir)
{
    ownGroupAndDeathSignal(m_process);
}

QString AuditdRun::missing()
{
    for (const QString &tool : {u"auditd"_s, u"auditctl"_s})
        if (QStandardPaths::findExecutable(tool).isEmpty()
            && QStandardPaths::findExecutable(tool, {u"/sbin"_s, u"/usr/sbin"_s}).isEmpty())
            return tool;
    return {};
}

QMap<QByteArray, qint64> AuditdRun::status()
{
    QProcess p;
    p.start(u"auditctl"_s, {u"-s"_s});
    p.waitForFinished(10000);
    QMap<QByteArray, qint64> s;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (const QList<QByteArray> kv = line.split(' '); kv.size() >= 2)
            s[kv[0]] = kv[1].toLongLong();
    return s;
}

QStringList AuditdRun::rules()
{
    QProcess p;
    p.start(u"auditctl"_s, {u"-l"_s});
    p.waitForFinished(10000);
    QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    lines.removeAll(u"No rules"_s);
    return lines;
}

Expected<void> AuditdRun::start()
{
    const auto before = status();
    if (!before.contains("enabled"))
        return Error{u"auditctl -s: cannot read the kernel's audit status"_s};
    if (before.value("enabled") == 2)
        return Error{u"the kernel's audit configuration is locked (enabled 2)"_s};
    if (const qint64 holder = before.value("pid"); holder > 0 && QFile::exists(u"/proc/%1"_s.arg(holder)))
        return Error{u"an audit daemon (pid %1) already runs; stop it first"_s.arg(holder)};
    m_saved = before;
    QDir().mkpath(m_dir + u"/plugins.d"_s);
    QFile conf(m_dir + u"/auditd.conf"_s);
    // Debian's defaults, with the log here, in raw format, never rotated or acted upon during the run.
    const QString text = u"local_events = yes\nwrite_logs = yes\nlog_file = %1/audit.log\nlog_format = RAW\n"
                         "flush = INCREMENTAL_ASYNC\nfreq = 50\nmax_log_file = 4096\nnum_logs = 1\n"
                         "max_log_file_action = IGNORE\npriority_boost = 4\nname_format = NONE\n"
                         "space_left = 75\nspace_left_action = IGNORE\nadmin_space_left = 50\n"
                         "admin_space_left_action = IGNORE\ndisk_full_action = IGNORE\n"
                         "disk_error_action = IGNORE\nq_depth = 2000\noverflow_action = IGNORE\n"
                         "plugin_dir = %1/plugins.d\n"_s.arg(m_dir);
    if (!conf.open(QIODevice::WriteOnly) || conf.write(text.toUtf8()) != text.toUtf8().size())
        return Error{u"%1: cannot write"_s.arg(conf.fileName())};
    conf.close();
    m_process.start(u"auditd"_s, {u"-n"_s, u"-c"_s, m_dir});
    if (!m_process.waitForStarted(10000))
        return Error{u"auditd: cannot start: %1"_s.arg(m_process.errorString())};
    for (const double deadline = now() + 10; status().value("pid") != m_process.processId();) {
        if (now() > deadline || m_process.state() != QProcess::Running || interrupted())
            return Error{u"auditd did not register with the kernel: %1"_s.arg(
                QString::fromUtf8(m_process.readAllStandardError()).trimmed())};
        ::usleep(50000);
    }
    m_lostBefore = status().value("lost");
    // As Debian's audit.rules: a backlog that survives bursts.
    if (!auditctl({u"-b"_s, u"8192"_s}) || !(m_ruleAdded = auditctl(ruleArgs(u"-a"_s))))
        return Error{u"auditctl: cannot add the execve rule"_s};
    return {};
}

void AuditdRun::stop()
{
    if (m_ruleAdded) {
        m_lost = status().value("lost") - m_lostBefore;
        m_ruleAdded = !auditctl(ruleArgs(u"-d"_s));
        if (m_ruleAdded)
            std::fprintf(stderr, "bench_exec: could not delete the audit rule; delete it with: auditctl %s\n",
                         qPrintable(ruleArgs(u"-d"_s).join(u' ')));
    }
    if (m_process.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    if (!m_saved.isEmpty()) {
        if (!auditctl({u"-e"_s, QString::number(m_saved.value("enabled")), u"-b"_s,
                       QString::number(m_saved.value("backlog_limit"))}))
            std::fprintf(stderr,
                         "bench_exec: could not restore the kernel's audit state; run: auditctl -e %lld "
                         "-b %lld\n",
                         qint64(m_saved.value("enabled")), qint64(m_saved.value("backlog_limit")));
        m_saved.clear();
    }
}

QList<RecordedExecs> AuditdRun::count(const QList<QByteArray> &markers) const
{
    QList<RecordedExecs> out(markers.size());
    QFile log(m_dir + u"/audit.log"_s);
    if (!log.open(QIODevice::ReadOnly))
        return out;
    while (!log.atEnd()) {
        const QByteArray line = log.readLine();
        if (!line.startsWith("type=EXECVE "))
            continue;
        const qsizetype at = line.indexOf(" a1=\"");
        const QByteArray arg = at < 0 ? QByteArray() : line.mid(at + 5, line.indexOf('"', at + 5) - at - 5);
        if (const qsizetype phase = markers.indexOf(arg); phase >= 0)
            ++out[phase].execs, ++out[phase].withArgv;
    }
    return out;
}

QStringList AuditdRun::ruleArgs(const QString &op)
{
    QStringList args{op, u"always,exit"_s};
    for (const char *a : kRule)
        args.append(QString::fromLatin1(a));
    return args;
}

bool AuditdRun::auditctl(const QStringList &args)
{
    QProcess p;
    p.start(u"auditctl"_s, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace Flight::BenchExec
