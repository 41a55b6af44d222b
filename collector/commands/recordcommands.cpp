// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec run / record: the recording pipeline in the foreground, until a signal (run) or for a bounded time
// (record). One recorder per journal directory (an flock on <journal>/lock, holding the pid).
#include "command.h"
#include "hostinfo.h"
#include "pushloop.h"
#include "recorder.h"
#include "sourceselection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Commands {

namespace {

std::atomic<bool> g_stop{false};

void requestStop(int)
{
    g_stop.store(true);
}

void installStopHandlers()
{
    struct sigaction action = {};
    action.sa_handler = requestStop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

// Holds <journal>/lock for the life of the process; fails naming the pid that holds it.
Expected<int> lockJournal(const QString &journalDir)
{
    if (!QDir().mkpath(journalDir))
        return Error{u"%1: cannot create the journal directory"_s.arg(journalDir)};
    const QString path = QDir(journalDir).filePath(u"lock"_s);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{u"%1: cannot open"_s.arg(path)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char pid[32] = {};
        const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
        ::close(fd);
        return Error{u"%1: another flightrec (pid %2) is recording into this journal"_s.arg(
            journalDir, n > 0 ? QString::fromLatin1(pid).trimmed() : u"?"_s)};
    }
    const QByteArray self = QByteArray::number(::getpid()) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, self.constData(), size_t(self.size()), 0) != self.size()) {
        ::close(fd);
        return Error{u"%1: cannot write the pid"_s.arg(path)};
    }
    return fd;
}

int record(const Recorder::Config &config, QDeadlineTimer deadline, bool pruneOutbox)
{
    auto key = Format::SigningKey::load(config.keyPath);
    if (!key) {
        printError(key.error().message + u" (create one with 'flightrec keygen --key %1')"_s.arg(config.keyPath));
        return ExitUsage;
    }
    auto host = Capture::readHostInfo();
    if (!host) {
        printError(host.error().message);
        return ExitUsage;
    }
    auto lock = lockJournal(config.journal);
    if (!lock) {
        printError(lock.error().message);
        return ExitUsage;
    }
    auto sources = selectSources(config);
    if (!sources) {
        printError(sources.error().message);
        return ExitUsage;
    }
    installStopHandlers();
    Recorder::Recorder recorder(config, *key, *host, QCoreApplication::applicationVersion());
    auto started = recorder.start(std::move(*sources));
    if (started) {
        for (const Format::Backend &b : recorder.backends())
            printError(u"capturing %1 with %2%3"_s.arg(b.source, b.backend,
                                                       b.degraded ? u" (degraded: %1)"_s.arg(b.reason) : QString()));
        // The daemon pushes sealed archives when push_to is set (a workstation pulls otherwise).
        std::unique_ptr<Recorder::PushLoop> pushing;
        if (pruneOutbox && config.pushTo)
            pushing = std::make_unique<Recorder::PushLoop>(config, [](const QString &line) { printError(line); });
        started = recorder.run(g_stop, deadline, pruneOutbox);
    }
    for (const Format::SealedArchive &a : recorder.sealed())
        printOut(u"%1: seq %2, %3 events%4\n"_s.arg(a.path)
                     .arg(a.manifest.seq)
                     .arg(a.manifest.tally.events)
                     .arg(a.manifest.recovered ? u" (recovered from an earlier run's journal)"_s : QString()));
    ::close(*lock);
    if (!started) {
        printError(started.error().message);
        return ExitUsage;
    }
    return ExitOk;
}

Expected<Recorder::Config> configFrom(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? Recorder::loadConfig(parser.value(option), true)
                                : Recorder::loadConfig(defaultConfigPath(), false);
}

} // namespace

QString defaultConfigPath()
{
    return u"/etc/flightrec/flightrec.conf"_s;
}

int runRecord(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Record this host for SECS seconds (or until SIGINT/SIGTERM), sealing archives into DIR, then exit 0.\n"
        "Uses the config file if it exists; --out overrides its outbox (the journal goes to DIR/.journal)."_s);
    const QCommandLineOption duration(u"duration"_s, u"Seconds to record."_s, u"SECS"_s);
    const QCommandLineOption out(u"out"_s, u"Directory for the archives."_s, u"DIR"_s);
    const QCommandLineOption config(u"config"_s, u"Config file (default %1)."_s.arg(defaultConfigPath()), u"FILE"_s);
    const QCommandLineOption key(u"key"_s, u"Signing key (default: the config's)."_s, u"FILE"_s);
    parser.addOptions({duration, out, config, key});
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;
    bool ok = false;
    const qint64 seconds = parser.value(duration).toLongLong(&ok);
    if (!parser.isSet(duration) || !ok || seconds <= 0 || !parser.isSet(out)) {
        printError(u"record: --duration SECS (a positive number) and --out DIR are required"_s);
        return ExitUsage;
    }
    auto loaded = configFrom(parser, config);
    if (!loaded) {
        printError(loaded.error().message);
        return ExitUsage;
    }
    loaded->outbox = QDir(parser.value(out)).absolutePath();
    loaded->journal = QDir(loaded->outbox).filePath(u".journal"_s);
    if (parser.isSet(key))
        loaded->keyPath = parser.value(key);
    return record(*loaded, QDeadlineTimer(std::chrono::seconds(seconds)), false);
}

int runDaemon(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Record until SIGTERM or SIGINT (systemd runs this), sealing into the outbox."_s);
    const QCommandLineOption config(u"config"_s, u"Config file (default %1)."_s.arg(defaultConfigPath()), u"FILE"_s);
    parser.addOption(config);
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;
    auto loaded = configFrom(parser, config);
    if (!loaded) {
        printError(loaded.error().message);
        return ExitUsage;
    }
    return record(*loaded, QDeadlineTimer(QDeadlineTimer::Forever), true);
}

} // namespace Flight::Commands
