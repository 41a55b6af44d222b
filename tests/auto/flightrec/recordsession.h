// SPDX-License-Identifier: GPL-3.0-or-later
// Runs `flightrec record` as a real subprocess for live tests: waits until it is capturing, and reads back the
// archives it sealed.
#pragma once

#include "event.h"
#include "manifest.h"

#include <QProcess>
#include <QStringList>

namespace Flight::TestSupport {

class RecordSession
{
public:
    // `configLines` become the --config file ("key = value" lines); the outbox is `outDir`.
    RecordSession(const QString &flightrec, const QString &keyPath, const QString &outDir,
                  const QStringList &configLines = {});
    ~RecordSession(); // kills the recorder if it still runs

    // Runs flightrec through `program` `arguments` (e.g. nsenter into a namespace host: namespacehosts.h); stop() then
    // signals the program's child, the recorder. Before start().
    void setLauncher(const QString &program, const QStringList &arguments);
    // Starts recording for `seconds` and waits until it reports capturing; false (with the stderr) otherwise.
    bool start(int seconds, QString *why);
    qint64 pid() const { return m_process.processId(); }
    QString configPath() const { return m_configPath; }
    // SIGINT and wait for the sealed archives; returns the exit code (-1 when it did not end).
    int stop();
    // SIGKILL, no sealing.
    void kill();
    QString stdErr() const { return m_stderr; }
    QString stdOut() const { return m_stdout; }
    // Every archive in the out directory, by sequence number.
    QList<QPair<Format::Manifest, QList<Format::Event>>> archives() const;

private:
    QString m_flightrec, m_keyPath, m_outDir, m_configPath;
    QString m_launcher;
    QStringList m_launcherArguments;
    QProcess m_process;
    QString m_stderr, m_stdout;
};

// The key of a live process: pid and start ticks from /proc/<pid>/stat.
Format::ProcKey liveKey(qint64 pid);

} // namespace Flight::TestSupport
