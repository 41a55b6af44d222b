// SPDX-License-Identifier: GPL-3.0-or-later
// SFTP download throughput of flight_sshpull against OpenSSH's `sftp` on the same loopback link, in the same run:
//   one large file (default 200 MB of random bytes) from one real sshd (tests/auto/sshpull/sshdinstance.h), RUNS times
//   each, alternating, the page cache warm for both; each download is compared byte for byte with the original.
// Usage: bench_pull [--delay-ms MS] [MEGABYTES (200)] [RUNS (5)]. Prints MB/s per run, the medians and their ratio
// (the budget of DESIGN.md is >= 0.8x OpenSSH). --delay-ms puts a relay that delays each direction by MS/2 between
// both clients and sshd (delayrelay.h: the stand-in for `tc netem`, which this kernel lacks), so the round trip grows
// by MS. Not a test: it asserts nothing about time; exit 1 when it could not measure.
#include "delayrelay.h"
#include "sftpoutbox.h"
#include "sshdinstance.h"
#include "sshsession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Flight::SshPull;
using Deck::TestSupport::SshdInstance;

namespace {

QByteArray digestOf(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result();
}

double cpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QStringList options;
    for (int i = 1; i < argc; ++i)
        options << QString::fromLocal8Bit(argv[i]);
    int delayMs = 0;
    if (const qsizetype at = options.indexOf(u"--delay-ms"_s); at >= 0 && at + 1 < options.size()) {
        delayMs = options.at(at + 1).toInt();
        options.remove(at, 2);
    }
    const qint64 megabytes = options.size() > 0 ? options.at(0).toLongLong() : 200;
    const int runs = options.size() > 1 ? options.at(1).toInt() : 5;
    if (!SshdInstance::available()) {
        std::fprintf(stderr, "bench_pull: /usr/sbin/sshd or ssh-keygen is missing\n");
        return 1;
    }
    QTemporaryDir dir;
    // Downloads land in memory (/dev/shm when there is one), so that the disk — and sshpull's fsync before the
    // rename, which sftp does not do — is not what is measured.
    QTemporaryDir downloads(QDir(u"/dev/shm"_s).exists() ? u"/dev/shm/bench_pull-XXXXXX"_s
                                                         : dir.filePath(u"downloads-XXXXXX"_s));
    const QString clientKey = dir.filePath(u"client_key"_s);
    QFile authorized(dir.filePath(u"authorized_keys"_s));
    if (!authorized.open(QIODevice::WriteOnly)
        || authorized.write((SshdInstance::generateKey(clientKey) + u'\n').toUtf8()) <= 1)
        return 1;
    authorized.close();
    SshdInstance sshd(dir.filePath(u"sshd"_s), authorized.fileName());
    if (const QString failure = sshd.start(); !failure.isEmpty()) {
        std::fprintf(stderr, "bench_pull: %s\n", qPrintable(failure));
        return 1;
    }
    // With a delay, both clients talk to the relay's port, and known_hosts names the host key there.
    std::unique_ptr<DelayRelay> relay;
    if (delayMs > 0) {
        relay = std::make_unique<DelayRelay>(sshd.port(), delayMs / 2);
        if (relay->port() == 0)
            return 1;
    }
    const int port = relay ? relay->port() : sshd.port();
    const QString knownHosts = dir.filePath(u"known_hosts"_s);
    QFile known(knownHosts);
    const QString knownLine = u"[127.0.0.1]:%1 %2"_s.arg(port).arg(sshd.knownHostsLine().section(u' ', 1));
    if (!known.open(QIODevice::WriteOnly) || known.write((knownLine + u'\n').toUtf8()) <= 1)
        return 1;
    known.close();

    const QString name = u"big-1.frec"_s;
    const QString remote = QDir(sshd.outbox()).filePath(name);
    {
        QFile file(remote);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray block(1 << 20, '\0');
        for (qint64 i = 0; i < megabytes; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            file.write(block);
        }
    }
    const qint64 size = QFileInfo(remote).size();
    const QByteArray expected = digestOf(remote);
    const QString user = qEnvironmentVariable("USER", u"root"_s);
    QFile loadavg(u"/proc/loadavg"_s);
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    std::printf("bench_pull: %lld MB file, %d runs each, sshd with internal-sftp on 127.0.0.1:%d%s; load %s\n",
                megabytes, runs, sshd.port(),
                relay ? qPrintable(u", reached through a relay adding %1 ms to the round trip"_s.arg(delayMs)) : "",
                load.constData());

    QList<double> ours;
    QList<double> theirs;
    QList<double> theirsAes;
    QList<double> oursCpu; // CPU seconds of this process per second of the download
    for (int run = 0; run < runs; ++run) {
        // flight_sshpull: one session, one fetch (as the puller does it).
        const QString local = downloads.filePath(u"ours.frec"_s);
        QFile::remove(local);
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = cpuSeconds();
        SessionPolicy policy;
        policy.knownHostsFile = knownHosts;
        auto session = SshSession::open({u"bench"_s, u"127.0.0.1"_s, port, user, clientKey, {}}, policy);
        if (!session) {
            std::fprintf(stderr, "bench_pull: %s\n", qPrintable(session.error().message));
            return 1;
        }
        SftpOutbox outbox(**session, sshd.outbox(), qint64(1) << 40);
        auto fetched = outbox.fetch({name, size, 0}, local, {});
        session->reset();
        const double oursSeconds = double(timer.nsecsElapsed()) / 1e9;
        oursCpu.append((cpuSeconds() - cpuBefore) / oursSeconds);
        if (!fetched || digestOf(local) != expected) {
            std::fprintf(stderr, "bench_pull: sshpull: %s\n",
                         fetched ? "the download differs from the original" : qPrintable(fetched.error().message));
            return 1;
        }
        ours.append(double(size) / oursSeconds / 1e6);

        // OpenSSH sftp, batch mode, same key, same known_hosts, connection set-up included: with its default
        // cipher (chacha20-poly1305) and with the one sshpull prefers (aes128-gcm).
        for (int variant = 0; variant < 2; ++variant) {
            const QString theirsLocal = downloads.filePath(u"theirs.frec"_s);
            QFile::remove(theirsLocal);
            QProcess sftp;
            sftp.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QStringList arguments{u"-q"_s,
                                  u"-b"_s,
                                  u"-"_s,
                                  u"-i"_s,
                                  clientKey,
                                  u"-P"_s,
                                  QString::number(port),
                                  u"-o"_s,
                                  u"UserKnownHostsFile="_s + knownHosts,
                                  u"-o"_s,
                                  u"StrictHostKeyChecking=yes"_s,
                                  u"-o"_s,
                                  u"BatchMode=yes"_s};
            if (variant == 1)
                arguments << u"-c"_s << u"aes128-gcm@openssh.com"_s;
            timer.restart();
            sftp.start(u"sftp"_s, arguments << u"%1@127.0.0.1"_s.arg(user));
            sftp.write(u"get %1 %2\n"_s.arg(remote, theirsLocal).toUtf8());
            sftp.closeWriteChannel();
            const bool done = sftp.waitForFinished(600000) && sftp.exitCode() == 0;
            const double theirsSeconds = double(timer.nsecsElapsed()) / 1e9;
            if (!done || digestOf(theirsLocal) != expected) {
                std::fprintf(stderr, "bench_pull: sftp failed or its download differs\n");
                return 1;
            }
            (variant == 0 ? theirs : theirsAes).append(double(size) / theirsSeconds / 1e6);
        }
        std::printf("run %d: sshpull %.1f MB/s (CPU time %.0f%% of its wall time), sftp %.1f MB/s, sftp -c aes128-gcm "
                    "%.1f MB/s\n",
                    run + 1, ours.constLast(), oursCpu.constLast() * 100, theirs.constLast(), theirsAes.constLast());
        std::fflush(stdout);
    }
    const double a = median(ours);
    const double b = median(theirs);
    const double c = median(theirsAes);
    std::printf("median: sshpull %.1f MB/s; OpenSSH sftp %.1f MB/s: %.2fx; sftp -c aes128-gcm %.1f MB/s: %.2fx "
                "(budget >= 0.8x OpenSSH)\n",
                a, b, a / b, c, a / c);
    return 0;
}
