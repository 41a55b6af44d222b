// SPDX-License-Identifier: GPL-3.0-or-later
// One `flightrec record` session of a benchmark (see collectorrun.h).
#include "collectorrun.h"

#include "archivereader.h"

#include <QDir>
#include <QFile>
#include <csignal>

using namespace Qt::StringLiterals;

namespace Flight::BenchSupport {

CollectorRun::CollectorRun(const FlightrecCopy &flightrec, const QString &dir, const QStringList &config)
    : m_flightrec(flightrec.flightrec)
    , m_dir(dir)
{
    QDir().mkpath(dir);
    QFile f(dir + u".conf"_s);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write((config.join(u'\n') + u'\n').toUtf8());
    m_args = {u"record"_s, u"--duration"_s, u"3600"_s,     u"--out"_s,  dir,
              u"--key"_s,  flightrec.key,   u"--config"_s, f.fileName()};
    ownGroupAndDeathSignal(m_process);
}

CollectorRun::~CollectorRun()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

Expected<void> CollectorRun::start()
{
    m_process.start(m_flightrec, m_args);
    if (!m_process.waitForStarted(10000))
        return Error{u"%1: cannot start: %2"_s.arg(m_flightrec, m_process.errorString())};
    for (const double deadline = now() + 30; now() < deadline && m_process.state() == QProcess::Running;) {
        m_process.waitForReadyRead(100);
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        if (m_stderr.contains(u"capturing proc with"_s)) {
            m_process.waitForReadyRead(300);
            m_stderr += QString::fromUtf8(m_process.readAllStandardError());
            return {};
        }
    }
    m_process.waitForFinished(2000);
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    return Error{u"flightrec did not start capturing: %1"_s.arg(m_stderr.trimmed().replace(u'\n', u"; "_s))};
}

QString CollectorRun::backends() const
{
    QStringList lines;
    for (const QString &l : m_stderr.split(u'\n'))
        if (l.contains(u"capturing "_s))
            lines.append(l.mid(l.indexOf(u"capturing "_s) + 10));
    return lines.join(u", "_s);
}

Expected<void> CollectorRun::stop()
{
    ::kill(pid_t(m_process.processId()), SIGINT);
    const bool ended = m_process.waitForFinished(120000);
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    if (!ended || m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0)
        return Error{u"flightrec did not stop cleanly: %1"_s.arg(m_stderr.trimmed().replace(u'\n', u"; "_s))};
    return {};
}

Expected<void> CollectorRun::readEvents(const EventSink &sink, QMap<QString, qint64> *losses) const
{
    using namespace Flight::Format;
    for (const QString &name : QDir(m_dir).entryList({u"*.frec"_s}, QDir::Files, QDir::Name)) {
        ArchiveReader reader(QDir(m_dir).filePath(name));
        auto read = reader.open();
        if (read)
            read = reader.readEvents([&](const Event &e) {
                if (const auto *loss = std::get_if<RecorderLoss>(&e.body))
                    (*losses)[u"%1 (%2)"_s.arg(loss->source, loss->reason.value_or(u"no reason"_s))] += loss->count;
                else
                    sink(e);
                return true;
            });
        if (!read)
            return read.error();
    }
    return {};
}

} // namespace Flight::BenchSupport
