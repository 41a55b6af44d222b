// SPDX-License-Identifier: GPL-3.0-or-later
// CollectorRun: one `flightrec record` subprocess with its own config, key and out dir, in its own process group (a
// Ctrl-C reaches the benchmark only, which stops it in order) and sent SIGTERM by the kernel if the benchmark dies
// first. Owned by one session on the benchmark's main thread; the destructor kills a collector still running.
// Errors come back as values naming what failed, with the collector's stderr.
#pragma once

#include "benchsupport.h"
#include "event.h"
#include "expected.h"

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <functional>

namespace Flight::BenchSupport {

class CollectorRun
{
public:
    // Runs `flightrec`'s copy with its key; writes `config` (one key = value a line) to DIR.conf.
    CollectorRun(const FlightrecCopy &flightrec, const QString &dir, const QStringList &config);
    ~CollectorRun();
    CollectorRun(const CollectorRun &) = delete;
    CollectorRun &operator=(const CollectorRun &) = delete;

    // Starts and waits until the sources report "capturing ... with ..." (printed together once they run).
    Expected<void> start();
    qint64 pid() const { return m_process.processId(); }
    // What the sources reported, such as "proc with ebpf, integrity with checks".
    QString backends() const;
    // SIGINT; the collector seals what it recorded.
    Expected<void> stop();

    using EventSink = std::function<void(const Format::Event &event)>;
    // Reads the sealed archives in name order, after stop(): rec.loss counts are added to `losses` by
    // "source (reason)", every other event goes to `sink`.
    Expected<void> readEvents(const EventSink &sink, QMap<QString, qint64> *losses) const;

private:
    QString m_flightrec, m_dir;
    QStringList m_args;
    QProcess m_process;
    QString m_stderr;
};

} // namespace Flight::BenchSupport
