// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsession.h"

#include "archivereader.h"
#include "namespacehosts.h"
#include "procfs.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>
#include <csignal>

using namespace Qt::StringLiterals;

namespace Flight::TestSupport {

RecordSession::RecordSession(const QString &flightrec, const QString &keyPath, const QString &outDir,
                             const QStringList &configLines)
    : m_flightrec(flightrec)
    , m_keyPath(keyPath)
    , m_outDir(outDir)
    , m_configPath(outDir + u".conf"_s)
{
    QFile config(m_configPath);
    if (config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        config.write((configLines.join(u'\n') + u'\n').toUtf8());
}

RecordSession::~RecordSession()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void RecordSession::setLauncher(const QString &program, const QStringList &arguments)
{
    m_launcher = program;
    m_launcherArguments = arguments;
}

bool RecordSession::start(int seconds, QString *why)
{
    const QStringList arguments{u"record"_s, u"--duration"_s, QString::number(seconds),
                                u"--out"_s,  m_outDir,        u"--key"_s,
                                m_keyPath,   u"--config"_s,   m_configPath};
    if (m_launcher.isEmpty())
        m_process.start(m_flightrec, arguments);
    else
        m_process.start(m_launcher, m_launcherArguments + QStringList{m_flightrec} + arguments);
    if (!m_process.waitForStarted(10000)) {
        *why = u"cannot start flightrec"_s;
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        if (m_stderr.contains(u"capturing proc with"_s))
            return true;
    }
    m_process.waitForFinished(1000);
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    *why = u"flightrec record did not start capturing: "_s + m_stderr;
    return false;
}

int RecordSession::stop()
{
    const qint64 recorder = m_launcher.isEmpty() ? m_process.processId() : childOf(m_process.processId());
    if (recorder > 0)
        ::kill(pid_t(recorder), SIGINT);
    const bool ended = m_process.waitForFinished(60000);
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
    return ended && m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void RecordSession::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

QList<QPair<Format::Manifest, QList<Format::Event>>> RecordSession::archives() const
{
    QList<QPair<Format::Manifest, QList<Format::Event>>> result;
    for (const QString &name : QDir(m_outDir).entryList({u"*.frec"_s}, QDir::Files, QDir::Name)) {
        Format::ArchiveReader reader(QDir(m_outDir).filePath(name));
        QList<Format::Event> events;
        if (!reader.open() || !reader.readEvents([&events](const Format::Event &e) { return events.append(e), true; }))
            qFatal("cannot read %s", qPrintable(name));
        result.append({reader.manifest(), events});
    }
    return result;
}

Format::ProcKey liveKey(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    auto parsed = Capture::parseProcStat(stat.read(4096));
    return parsed ? Format::ProcKey{parsed->pid, parsed->startTicks} : Format::ProcKey{};
}

} // namespace Flight::TestSupport
