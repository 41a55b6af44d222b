// SPDX-License-Identifier: GPL-3.0-or-later
// A fleet pull (DESIGN.md: "a fleet pull no slower than parallel sftp"): HOSTS real sshd instances on loopback, each
// with ARCHIVES real signed archives in its outbox. Each run measures, alternating, RUNS times:
//   - the transfer: the puller's own per-host jobs (HostPullJob, one thread per host, as FleetPuller runs them with
//     --jobs HOSTS) with a sink that does not import, against HOSTS OpenSSH `sftp` processes started at once, each
//     getting its host's archives; every downloaded file is compared byte for byte;
//   - the whole job: `flightdeck-cli pull --jobs HOSTS` into a fresh SQLite case (download, verify, import), against
//     those sftp downloads followed by `flightdeck-cli import` of them into a fresh case.
// Everything is written under one directory (/dev/shm when there is one).
// Usage: bench_fleet [--delay-ms MS] [HOSTS (20)] [ARCHIVES (3)] [EVENTS per archive (20000)] [RUNS (3)].
// --delay-ms puts every host behind a relay that adds MS to the round trip (delayrelay.h). Prints the seconds of each
// run, the medians and the ratios (>= 1: no slower than sftp). Not a test.
#include "casefixture.h"
#include "delayrelay.h"
#include "hostpull.h"
#include "programrun.h"
#include "sshdinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
using Flight::TestSupport::runProgram;

namespace {

struct Host
{
    std::unique_ptr<SshdInstance> sshd;
    std::unique_ptr<DelayRelay> relay;
    QMap<QString, QByteArray> archives; // name -> bytes
    int port() const { return relay ? relay->port() : sshd->port(); }
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The puller's download path without the import: the local copy is left where the job put it.
class DownloadOnly : public Deck::Pull::HostPullSink
{
public:
    void progress(const Deck::Pull::PullProgress &) override { }
    void notice(const QString &, const QString &) override { }
    Deck::Core::ImportOutcome import(const Deck::Pull::RemoteHost &, const Flight::SshPull::RemoteArchive &,
                                     const QString &localPath) override
    {
        Deck::Core::ImportOutcome outcome;
        outcome.path = localPath;
        outcome.status = Deck::Core::ImportStatus::Imported;
        return outcome;
    }
    void removed(const Deck::Pull::RemoteHost &, const QString &) override { }
};

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    int delayMs = 0;
    if (const qsizetype at = arguments.indexOf(u"--delay-ms"_s); at >= 0 && at + 1 < arguments.size()) {
        delayMs = arguments.at(at + 1).toInt();
        arguments.remove(at, 2);
    }
    const int hostCount = arguments.size() > 0 ? arguments.at(0).toInt() : 20;
    const int archiveCount = arguments.size() > 1 ? arguments.at(1).toInt() : 3;
    const int events = arguments.size() > 2 ? arguments.at(2).toInt() : 20000;
    const int runs = arguments.size() > 3 ? arguments.at(3).toInt() : 3;
    if (!SshdInstance::available())
        return fail(u"/usr/sbin/sshd or ssh-keygen is missing"_s);

    QTemporaryDir dir;
    QTemporaryDir work(QDir(u"/dev/shm"_s).exists() ? u"/dev/shm/bench_fleet-XXXXXX"_s
                                                    : dir.filePath(u"work-XXXXXX"_s));
    const QString clientKey = dir.filePath(u"client_key"_s);
    QFile authorized(dir.filePath(u"authorized_keys"_s));
    if (!authorized.open(QIODevice::WriteOnly)
        || authorized.write((SshdInstance::generateKey(clientKey) + u'\n').toUtf8()) <= 1)
        return fail(u"cannot write the client key"_s);
    authorized.close();

    const QString user = qEnvironmentVariable("USER", u"root"_s);
    const QString knownHosts = dir.filePath(u"known_hosts"_s);
    QFile known(knownHosts);
    if (!known.open(QIODevice::WriteOnly))
        return fail(knownHosts + u": cannot write"_s);
    QStringList trustLines;
    std::vector<Host> hosts(size_t(std::max(1, hostCount)));
    qint64 totalBytes = 0;
    for (size_t i = 0; i < hosts.size(); ++i) {
        Host &host = hosts[i];
        host.sshd = std::make_unique<SshdInstance>(dir.filePath(u"sshd-%1"_s.arg(i)), authorized.fileName());
        if (const QString failure = host.sshd->start(); !failure.isEmpty())
            return fail(failure);
        if (delayMs > 0)
            host.relay = std::make_unique<DelayRelay>(host.sshd->port(), delayMs / 2);
        known.write(
            u"[127.0.0.1]:%1 %2\n"_s.arg(host.port()).arg(host.sshd->knownHostsLine().section(u' ', 1)).toUtf8());
        ArchiveSeries series(host.sshd->outbox(), u"host%1.example.org"_s.arg(i, 2, 10, QLatin1Char('0')));
        for (int a = 0; a < archiveCount; ++a) {
            const QString path = series.next(busyHostEvents(events, 1000 + a * events, a * 600000));
            host.archives.insert(QFileInfo(path).fileName(), readFile(path));
            totalBytes += host.archives.last().size();
        }
        trustLines << u"%1 %2"_s.arg(series.key.publicKey().toText(), series.host.hostname);
    }
    known.close();
    QFile trustFile(dir.filePath(u"trusted-hosts"_s));
    if (!trustFile.open(QIODevice::WriteOnly) || trustFile.write(trustLines.join(u'\n').toUtf8() + '\n') <= 1)
        return fail(u"cannot write the trust file"_s);
    trustFile.close();

    QFile loadavg(u"/proc/loadavg"_s);
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    std::printf("bench_fleet: %zu hosts x %d archives of %d events (%.1f MB in all)%s, %d runs; load %s\n",
                hosts.size(), archiveCount, events, double(totalBytes) / 1e6,
                delayMs ? qPrintable(u", each host behind a relay adding %1 ms to the round trip"_s.arg(delayMs)) : "",
                runs, load.constData());

    QList<double> oursTransfer, theirsTransfer, oursJob, theirsJob;
    for (int run = 0; run < runs; ++run) {
        // The transfer, ours: one HostPullJob per host on its own thread.
        Deck::Pull::PullOptions options;
        options.knownHostsFile = knownHosts;
        options.downloadDir = QDir(work.path()).filePath(u"ours-%1"_s.arg(run));
        options.jobs = int(hosts.size());
        DownloadOnly sink;
        std::vector<Deck::Pull::HostPullReport> reports(hosts.size());
        QElapsedTimer timer;
        timer.start();
        {
            std::vector<std::thread> threads;
            for (size_t i = 0; i < hosts.size(); ++i) {
                threads.emplace_back([&, i] {
                    Deck::Pull::RemoteHost remote;
                    remote.name = u"h%1"_s.arg(i);
                    remote.address = u"127.0.0.1"_s;
                    remote.port = hosts[i].port();
                    remote.user = user;
                    remote.keyFile = clientKey;
                    remote.outbox = hosts[i].sshd->outbox();
                    reports[i] = Deck::Pull::HostPullJob(remote, std::nullopt, {}, options, sink, nullptr).run();
                });
            }
            for (auto &thread : threads)
                thread.join();
        }
        oursTransfer.append(double(timer.nsecsElapsed()) / 1e9);
        for (size_t i = 0; i < hosts.size(); ++i) {
            if (reports[i].failure)
                return fail(reports[i].failure->message);
            for (auto it = hosts[i].archives.cbegin(); it != hosts[i].archives.cend(); ++it) {
                if (readFile(QDir(options.downloadDir).filePath(u"h%1/%2"_s.arg(i).arg(it.key()))) != it.value())
                    return fail(u"the puller's copy of %1 differs"_s.arg(it.key()));
            }
        }
        QDir(options.downloadDir).removeRecursively();

        // The transfer, theirs: one sftp process per host, all started at once.
        const QString into = QDir(work.path()).filePath(u"sftp-%1"_s.arg(run));
        std::vector<std::unique_ptr<QProcess>> processes;
        timer.restart();
        for (size_t i = 0; i < hosts.size(); ++i) {
            const QString local = QDir(into).filePath(QString::number(i));
            QDir().mkpath(local);
            auto sftp = std::make_unique<QProcess>();
            sftp->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            sftp->start(u"sftp"_s,
                        {u"-q"_s, u"-b"_s, u"-"_s, u"-i"_s, clientKey, u"-P"_s, QString::number(hosts[i].port()),
                         u"-o"_s, u"UserKnownHostsFile="_s + knownHosts, u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                         u"-o"_s, u"BatchMode=yes"_s, u"%1@127.0.0.1"_s.arg(user)});
            sftp->write(u"get %1/*.frec %2/\n"_s.arg(hosts[i].sshd->outbox(), local).toUtf8());
            sftp->closeWriteChannel();
            processes.push_back(std::move(sftp));
        }
        for (auto &sftp : processes) {
            if (!sftp->waitForFinished(600000) || sftp->exitCode() != 0)
                return fail(u"sftp failed"_s);
        }
        const double sftpSeconds = double(timer.nsecsElapsed()) / 1e9;
        theirsTransfer.append(sftpSeconds);
        for (size_t i = 0; i < hosts.size(); ++i) {
            for (auto it = hosts[i].archives.cbegin(); it != hosts[i].archives.cend(); ++it) {
                if (readFile(QDir(into).filePath(u"%1/%2"_s.arg(i).arg(it.key()))) != it.value())
                    return fail(u"sftp's copy of %1 differs"_s.arg(it.key()));
            }
        }

        // The whole job, theirs: what sftp fetched, imported by flightdeck-cli into a fresh case.
        const auto freshCase = [&](const QString &name) -> std::optional<QString> {
            const QString file = QDir(work.path()).filePath(name);
            const auto trusted = runProgram(QStringLiteral(FLIGHTDECK_CLI),
                                            {u"--db"_s, file, u"trust"_s, u"--file"_s, trustFile.fileName()});
            if (trusted.code != 0) {
                fail(trusted.err);
                return std::nullopt;
            }
            return file;
        };
        const auto importCase = freshCase(u"import-%1.sqlite"_s.arg(run));
        if (!importCase)
            return 1;
        timer.restart();
        const auto imported = runProgram(QStringLiteral(FLIGHTDECK_CLI), {u"--db"_s, *importCase, u"import"_s, into});
        theirsJob.append(sftpSeconds + double(timer.nsecsElapsed()) / 1e9);
        if (imported.code != 0)
            return fail(u"flightdeck-cli import: "_s + imported.err);
        QDir(into).removeRecursively();

        // The whole job, ours: flightdeck-cli pull into a fresh case that knows the hosts.
        const auto pullCase = freshCase(u"pull-%1.sqlite"_s.arg(run));
        if (!pullCase)
            return 1;
        const auto cli = [&](const QStringList &args) {
            return runProgram(QStringLiteral(FLIGHTDECK_CLI), QStringList{u"--db"_s, *pullCase} + args);
        };
        for (size_t i = 0; i < hosts.size(); ++i) {
            const auto added = cli({u"remote"_s, u"add"_s, u"h%1"_s.arg(i), u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                                    QString::number(hosts[i].port()), u"--user"_s, user, u"--key"_s, clientKey,
                                    u"--outbox"_s, hosts[i].sshd->outbox()});
            if (added.code != 0)
                return fail(added.err);
        }
        timer.restart();
        const auto pulled
            = cli({u"pull"_s, u"--jobs"_s, QString::number(hosts.size()), u"--known-hosts"_s, knownHosts});
        oursJob.append(double(timer.nsecsElapsed()) / 1e9);
        if (pulled.code != 0)
            return fail(u"flightdeck-cli pull: "_s + pulled.err);
        qint64 archivesInCase = 0;
        for (const QJsonObject &row : cli({u"--json"_s, u"hosts"_s}).json(u"archives"_s))
            archivesInCase += row.value(u"archives"_s).toInteger();
        if (archivesInCase != qint64(hosts.size()) * archiveCount)
            return fail(u"the case holds %1 archives after the pull, not %2"_s.arg(archivesInCase)
                            .arg(qint64(hosts.size()) * archiveCount));

        std::printf("run %d: transfer: puller %.2f s, parallel sftp %.2f s; whole job: flightdeck-cli pull %.2f s, "
                    "sftp then flightdeck-cli import %.2f s\n",
                    run + 1, oursTransfer.constLast(), theirsTransfer.constLast(), oursJob.constLast(),
                    theirsJob.constLast());
        std::fflush(stdout);
    }
    const double a = median(oursTransfer);
    const double b = median(theirsTransfer);
    const double c = median(oursJob);
    const double d = median(theirsJob);
    std::printf("median transfer: puller %.2f s, parallel sftp %.2f s: sftp / puller = %.2fx (budget >= 1: no slower)\n"
                "median whole job: flightdeck-cli pull %.2f s, sftp then import %.2f s: %.2fx\n",
                a, b, b / a, c, d, d / c);
    return 0;
}
