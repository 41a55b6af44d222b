// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli pull: fetch new archives over SSH from the case's remote hosts (see `remote`), many at once,
// verify and import each; one line per archive (as `import` prints them) and one per host.
#include "clicommon.h"
#include "fleetpuller.h"
#include "sshpullerror.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::Pull;
using Flight::SshPull::SshReason;

namespace Deck::Cli {

namespace {

std::atomic<bool> g_cancelPull{false};

extern "C" void onPullInterrupt(int)
{
    g_cancelPull.store(true);
}

const char *reasonWord(const Flight::Error &error)
{
    switch (Flight::SshPull::reasonOf(error)) {
    case SshReason::Unreachable:
        return "unreachable";
    case SshReason::Timeout:
        return "timeout";
    case SshReason::UnknownHostKey:
        return "unknown host key";
    case SshReason::ChangedHostKey:
        return "host key changed";
    case SshReason::Auth:
        return "authentication";
    case SshReason::Protocol:
        return "protocol";
    case SshReason::Cancelled:
        return "cancelled";
    case SshReason::RemoteFile:
        return "remote file";
    case SshReason::LocalFile:
        return "local file";
    case SshReason::Unsupported:
        return "unsupported";
    }
    return "failed";
}

// Asks on the terminal without echo; nothing when there is no terminal.
std::optional<QByteArray> askPassphrase(const QString &keyFile)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return std::nullopt;
    const QByteArray prompt = u"Passphrase for %1: "_s.arg(keyFile).toLocal8Bit();
    std::fwrite(prompt.constData(), 1, size_t(prompt.size()), tty);
    std::fflush(tty);
    termios saved{};
    const bool terminal = ::tcgetattr(fileno(tty), &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
    }
    char buffer[1024] = {};
    const bool read = std::fgets(buffer, sizeof buffer, tty) != nullptr;
    if (terminal)
        ::tcsetattr(fileno(tty), TCSAFLUSH, &saved);
    std::fputc('\n', tty);
    std::fclose(tty);
    QByteArray passphrase(buffer);
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
        passphrase.chop(1);
    if (!read)
        return std::nullopt;
    return passphrase;
}

// One line from file descriptor `fd` (read once, then reused for every key).
std::optional<QByteArray> readPassphraseFd(int fd)
{
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray line = file.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

QJsonObject reportJson(const HostPullReport &r)
{
    QJsonObject object{{u"host"_s, r.host},
                       {u"status"_s, r.failure ? u"failed"_s : u"ok"_s},
                       {u"fingerprint"_s, r.fingerprint},
                       {u"host_key_added"_s, r.hostKeyAdded},
                       {u"listed"_s, r.listed},
                       {u"already_in_case"_s, r.alreadyInCase},
                       {u"downloaded"_s, r.downloaded},
                       {u"bytes"_s, r.bytes},
                       {u"resumed_bytes"_s, r.resumedBytes},
                       {u"removed"_s, r.removed},
                       {u"rejected"_s, int(r.rejected.size())}};
    if (r.failure) {
        object.insert(u"reason"_s, QLatin1StringView(reasonWord(*r.failure)));
        object.insert(u"message"_s, r.failure->message);
    }
    return object;
}

// Where the case keeps what pull needs on this workstation: next to a SQLite case file; named by the caller for a
// PostgreSQL case (one server, many workstations).
QString besideCase(const Database &db, const QString &suffix)
{
    return db.engine() == Engine::Sqlite ? db.location().path + suffix : QString();
}

} // namespace

int runPull(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fetch new archives over SSH/SFTP from the case's remote hosts ('remote list'), several hosts at once, and\n"
        "verify and import each as 'import' does. A host must be in the case's known_hosts: an unknown host is\n"
        "not contacted further until its key fingerprint is accepted with --accept-new-host-key; a host whose key\n"
        "changed is refused. Archives already pulled into the case are not downloaded again; an interrupted\n"
        "download is resumed. Pulled archives are kept in the download folder.\n"
        "Exit 0 when every host was pulled and every archive is in the case; 1 when an archive is invalid,\n"
        "untrusted or forked, or a host key is unknown or changed; 2 when a host cannot be reached, times out,\n"
        "refuses the login or a file cannot be written, or when cancelled. Per host, one line on stdout (done)\n"
        "or stderr (failed); with --json, one object per archive and one per host."_s);
    const QCommandLineOption hosts(u"hosts"_s,
                                   u"Only these remote hosts: names (comma-separated, repeatable), or a file that "
                                   "lists one name per line ('#' starts a comment)."_s,
                                   u"NAMES|FILE"_s);
    const QCommandLineOption jobs(u"jobs"_s, u"Hosts pulled at the same time (default 4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption timeout(u"timeout"_s,
                                     u"Seconds for connect, handshake and login together, and the longest stall of a "
                                     u"transfer (default 30)."_s,
                                     u"S"_s, u"30"_s);
    const QCommandLineOption remove(u"remove"_s, u"Delete each archive from its host once it is in the case."_s);
    const QCommandLineOption knownHosts(u"known-hosts"_s,
                                        u"The case's known_hosts file (default: CASE.known_hosts beside a SQLite "
                                        u"case)."_s,
                                        u"FILE"_s);
    const QCommandLineOption into(u"into"_s,
                                  u"Download folder, one subfolder per remote host (default: CASE.pulled beside a "
                                  u"SQLite case)."_s,
                                  u"DIR"_s);
    const QCommandLineOption accept(u"accept-new-host-key"_s,
                                    u"Accept a host that is not in known_hosts yet when it presents this key "
                                    u"(SHA256:... as printed; repeatable) and add it."_s,
                                    u"FINGERPRINT"_s);
    const QCommandLineOption caseKey(u"case-key"_s, u"X25519 key file that decrypts archives encrypted to the case."_s,
                                     u"FILE"_s);
    const QCommandLineOption passEnv(u"passphrase-env"_s, u"Read key passphrases from this environment variable."_s,
                                     u"VAR"_s);
    const QCommandLineOption passFd(u"passphrase-fd"_s, u"Read the key passphrase from this file descriptor."_s,
                                    u"FD"_s);
    parser.addOptions({hosts, jobs, timeout, remove, knownHosts, into, accept, caseKey, passEnv, passFd});
    parser.addOptions(ruleOptions());
    if (auto end = parseCommand(parser, arguments, global, 0, 0))
        return *end;
    PullOptions options;
    bool jobsOk = false;
    bool timeoutOk = false;
    options.jobs = parser.value(jobs).toInt(&jobsOk);
    const double seconds = parser.value(timeout).toDouble(&timeoutOk);
    if (!jobsOk || options.jobs < 1 || options.jobs > 256 || !timeoutOk || seconds <= 0 || seconds > 86400) {
        printError(u"pull: --jobs takes 1 to 256 and --timeout 0 to 86400 seconds"_s);
        return ExitUsage;
    }
    options.timeoutMs = int(seconds * 1000);
    options.removeAfterImport = parser.isSet(remove);
    options.acceptNewFingerprints = parser.values(accept);
    if (!loadCaseKey(parser.value(caseKey), options.import) || !applyRuleOptions(parser, u"pull"_s, options.import))
        return ExitUsage;
    if (parser.isSet(passEnv)) {
        const QByteArray variable = parser.value(passEnv).toLocal8Bit();
        if (!qEnvironmentVariableIsSet(variable.constData())) {
            printError(u"pull: the environment variable %1 is not set"_s.arg(parser.value(passEnv)));
            return ExitUsage;
        }
        options.passphrase
            = [variable](const QString &) { return std::optional<QByteArray>(qgetenv(variable.constData())); };
    } else if (parser.isSet(passFd)) {
        bool ok = false;
        const int fd = parser.value(passFd).toInt(&ok);
        const auto passphrase = ok && fd >= 0 ? readPassphraseFd(fd) : std::nullopt;
        if (!passphrase) {
            printError(u"pull: cannot read a passphrase from file descriptor %1"_s.arg(parser.value(passFd)));
            return ExitUsage;
        }
        options.passphrase = [passphrase](const QString &) { return passphrase; };
    } else if (::isatty(STDIN_FILENO)) {
        options.passphrase = askPassphrase;
    }
    QStringList names;
    for (const QString &value : parser.values(hosts)) {
        if (!QFileInfo(value).isFile()) {
            names += value.split(u',', Qt::SkipEmptyParts);
            continue;
        }
        QFile list(value);
        if (!list.open(QIODevice::ReadOnly) || list.size() > 16 * 1024 * 1024) {
            printError(u"pull: --hosts: cannot read %1: %2"_s.arg(
                value, list.isOpen() ? u"larger than 16 MiB"_s : list.errorString()));
            return ExitUsage;
        }
        for (const QByteArray &line : list.readAll().split('\n')) {
            const QString name = QString::fromUtf8(line.left(line.indexOf('#'))).trimmed();
            if (!name.isEmpty())
                names << name;
        }
    }

    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    options.knownHostsFile = parser.isSet(knownHosts) ? parser.value(knownHosts) : besideCase(*db, u".known_hosts"_s);
    options.downloadDir = parser.isSet(into) ? parser.value(into) : besideCase(*db, u".pulled"_s);
    if (options.knownHostsFile.isEmpty() || options.downloadDir.isEmpty()) {
        printError(u"pull: a PostgreSQL case needs --known-hosts FILE and --into DIR on this workstation"_s);
        return ExitUsage;
    }
    options.knownHostsFile = QFileInfo(options.knownHostsFile).absoluteFilePath();
    options.downloadDir = QFileInfo(options.downloadDir).absoluteFilePath();

    FleetPuller puller(*db, options);
    puller.setCancelFlag(&g_cancelPull);
    Flight::Format::ProgressLine line;
    QHash<QString, PullProgress> progress;
    int hostsDone = 0;
    int hostsTotal = 0;
    const auto redraw = [&] {
        qint64 done = 0;
        qint64 total = 0;
        int files = 0;
        int filesTotal = 0;
        for (const PullProgress &p : std::as_const(progress)) {
            done += p.bytesDone;
            total += p.bytesTotal;
            files += p.filesDone;
            filesTotal += p.filesTotal;
        }
        line.update(
            u"pull: %1/%2 hosts done, %3/%4 archives"_s.arg(hostsDone).arg(hostsTotal).arg(files).arg(filesTotal), done,
            total);
    };
    QObject::connect(&puller, &FleetPuller::hostStarted, [&](const QString &host) {
        progress.insert(host, PullProgress{host, {}, 0, 0, 0, 0});
        redraw();
    });
    QObject::connect(&puller, &FleetPuller::progressed, [&](const PullProgress &p) {
        progress.insert(p.host, p);
        redraw();
    });
    QObject::connect(&puller, &FleetPuller::noticed, [&](const QString &, const QString &text) {
        line.clear();
        printError(text);
    });
    QObject::connect(&puller, &FleetPuller::archiveDone, [&](const QString &, const ImportOutcome &o) {
        line.clear();
        printOutcome(o, global.json);
    });
    QObject::connect(&puller, &FleetPuller::hostFinished, [&](const HostPullReport &r) {
        ++hostsDone;
        line.clear();
        if (global.json)
            printJson(reportJson(r));
        if (r.failure)
            printError(r.failure->message);
        else if (!global.json)
            printOut(u"pull: %1: %2 archives listed, %3 in the case already, %4 downloaded (%5 bytes), %6 removed\n"_s
                         .arg(r.host)
                         .arg(r.listed)
                         .arg(r.alreadyInCase)
                         .arg(r.downloaded)
                         .arg(r.bytes)
                         .arg(r.removed));
        redraw();
    });
    std::signal(SIGINT, onPullInterrupt);
    std::signal(SIGTERM, onPullInterrupt);
    std::signal(SIGPIPE, SIG_IGN); // a host that drops the connection is that host's error, not the end of the pull
    if (auto inventory = RemoteHostStore(*db).list(); inventory)
        hostsTotal = names.isEmpty() ? int(inventory->size()) : int(names.size());
    QElapsedTimer timer;
    timer.start();
    auto reports = puller.pull(names);
    line.clear();
    if (!reports) {
        printError(u"pull: %1"_s.arg(reports.error().message));
        return ExitUsage;
    }
    if (reports->isEmpty()) {
        printError(u"pull: the case has no remote hosts; add one with 'flightdeck-cli remote add'"_s);
        return ExitUsage;
    }
    int code = ExitOk;
    int failed = 0;
    qint64 bytes = 0;
    for (const HostPullReport &r : std::as_const(*reports)) {
        code = std::max(code, r.exitCode());
        failed += r.failure ? 1 : 0;
        bytes += r.bytes;
    }
    if (g_cancelPull.load()) {
        printError(u"pull: cancelled; partial downloads are kept as .part and resumed next time"_s);
        code = ExitUsage;
    }
    if (!global.json) {
        const double elapsed = std::max<qint64>(timer.elapsed(), 1) / 1000.0;
        printOut(u"pull: %1 hosts, %2 failed; %3 bytes in %4 s (%5 MB/s)\n"_s.arg(reports->size())
                     .arg(failed)
                     .arg(bytes)
                     .arg(elapsed, 0, 'f', 2)
                     .arg(bytes / elapsed / 1e6, 0, 'f', 1));
    }
    return code;
}

} // namespace Deck::Cli
