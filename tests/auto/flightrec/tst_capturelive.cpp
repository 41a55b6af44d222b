// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec record on the live system (root) with file and network capture, once per file backend (file_backend =
// fanotify, = ebpf): a workload writes, reads, renames and deletes marked files (one renamed the moment it is written:
// recorded under the name it was written under), executes a copied binary, writes under an excluded directory, opens
// one file 10,000 times, talks to a TCP listener this test started (one connection closed within 5 ms) and sends a UDP
// datagram. The sealed archives must hold each with the right process key, path and addresses, the 10,000 opens as one
// event (count exact with eBPF, a lower bound with fanotify, which merges queued events), and nothing from the
// excluded directory.
#include "loopbackpeers.h"
#include "recordsession.h"
#include "keys.h"
#include "skip.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <fcntl.h>
#include <sys/wait.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;
using namespace LoopbackPeers;

namespace {

struct Recorded
{
    QList<ProcExec> execs;
    QList<FileAccess> files;
    QList<NetEndpoint> net;
    QList<Backend> backends;
    QStringList losses; // "source: count (reason)", to explain what is missing
};

Recorded read(const RecordSession &session)
{
    Recorded r;
    for (const auto &[manifest, events] : session.archives()) {
        r.backends = manifest.collector.backends;
        for (const Event &e : events) {
            if (const auto *exec = std::get_if<ProcExec>(&e.body))
                r.execs.append(*exec);
            else if (const auto *file = std::get_if<FileAccess>(&e.body))
                r.files.append(*file);
            else if (const auto *net = std::get_if<NetEndpoint>(&e.body))
                r.net.append(*net);
            else if (const auto *loss = std::get_if<RecorderLoss>(&e.body))
                r.losses.append(u"%1: %2 (%3)"_s.arg(loss->source).arg(loss->count).arg(loss->reason.value_or(QString())));
        }
    }
    return r;
}

std::optional<ProcKey> keyOfExecWith(const Recorded &r, const QByteArray &argument)
{
    for (const ProcExec &e : r.execs) {
        if (e.argv.contains(argument))
            return e.proc;
    }
    return std::nullopt;
}

QList<FileAccess> filesAt(const Recorded &r, const QByteArray &path, FileOp op)
{
    QList<FileAccess> found;
    for (const FileAccess &f : r.files) {
        if (f.path == path && f.op == op)
            found.append(f);
    }
    return found;
}

Backend backendFor(const Recorded &r, const QString &source)
{
    for (const Backend &b : r.backends) {
        if (b.source == source)
            return b;
    }
    return {};
}

QString backendOf(const Recorded &r, const QString &source)
{
    return backendFor(r, source).backend;
}

} // namespace

class TestCaptureLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("live capture needs root");
        QVERIFY(m_temp.isValid());
        QVERIFY(SigningKey::generate().save(m_temp.filePath(u"host.key"_s)));
    }

    void filesAndEndpointsWithTheirProcesses_data()
    {
        QTest::addColumn<QString>("fileBackend");
        QTest::newRow("fanotify") << u"fanotify"_s;
        QTest::newRow("ebpf") << u"ebpf"_s;
        // eBPF where the kernel allows it, else fanotify with the reason eBPF did not run.
        QTest::newRow("auto") << u"auto"_s;
    }

    void filesAndEndpointsWithTheirProcesses()
    {
        QFETCH(QString, fileBackend);
        // A real filesystem under /var/tmp (fanotify marks every real local one); the temporary directory of
        // the archives is left out like the collector's own files.
        QTemporaryDir work(u"/var/tmp/flightrec-capture-XXXXXX"_s);
        QVERIFY(work.isValid());
        const QString marked = work.filePath(u"marked"_s), excluded = work.filePath(u"excluded"_s);
        QVERIFY(QDir().mkpath(marked) && QDir().mkpath(excluded));
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(10);

        RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s),
                              m_temp.filePath(u"out"_s),
                              {u"file_exclude = /proc /sys /dev %1"_s.arg(excluded), u"proc_backend = ebpf"_s,
                               u"file_backend = %1"_s.arg(fileBackend)});
        QString why;
        const bool started = session.start(120, &why);
        if (!started && fileBackend == u"ebpf"_s && why.contains(u"loading the file programs"_s)
            && why.contains(u"not permitted"_s))
            QSKIP("this kernel refuses fentry/fexit programs (BPF trampolines) to this process: the eBPF file backend "
                  "cannot run here");
        QVERIFY2(started, qPrintable(why));
        if (!session.stdErr().contains(u"capturing net with ebpf"_s))
            FLIGHT_SKIP("the eBPF network backend did not start here");

        // No pause before mv: an access carries the file's name at the time of the access, so a file renamed before
        // its event is read still shows the name it was written under ("quick" is renamed the moment it is written).
        const QString script = uR"(
m=$1; x=$2; t=$3
echo evidence > "$m/written"
cat "$m/written" > /dev/null
cp /bin/true "$m/copied-true"
"$m/copied-true" "$t-copied"
mv "$m/written" "$m/renamed"
rm "$m/renamed"
echo at-once > "$m/quick"
mv "$m/quick" "$m/quick-moved"
echo secret > "$x/hidden"
cat "$x/hidden" > /dev/null
)"_s;
        QProcess shell;
        shell.start(u"sh"_s, {u"-c"_s, script, tag + u"-shell"_s, marked, excluded, tag});
        QVERIFY(shell.waitForFinished(60000));
        QCOMPARE(shell.exitCode(), 0);

        // 10,000 opens of one file by this process, well within one aggregation window.
        const QByteArray hot = QFile::encodeName(marked + u"/hot"_s);
        QVERIFY(QFile(QString::fromUtf8(hot)).open(QIODevice::WriteOnly));
        QTest::qWait(2500); // the create's own open is in an earlier window
        for (int i = 0; i < 10000; ++i) {
            const int fd = ::open(hot.constData(), O_RDONLY | O_CLOEXEC);
            QVERIFY(fd >= 0);
            ::close(fd);
        }

        // TCP: this process listens and accepts; a child connects, and closes within 5 ms of connecting.
        const Listener listener = listenOnLoopback(AF_INET);
        QVERIFY(listener.fd >= 0);
        Peer peer = forkConnectingPeer(AF_INET, listener.port, false);
        QVERIFY(peer.pid > 0);
        const ProcKey peerKey = liveKey(peer.pid);
        QElapsedTimer lifetime;
        lifetime.start();
        QVERIFY(release(peer));
        const int accepted = ::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(accepted >= 0);
        const quint16 clientPort = peerPort(accepted);
        int status = 0;
        QCOMPARE(::waitpid(peer.pid, &status, 0), peer.pid);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QVERIFY2(lifetime.elapsed() < 50, "the short connection took too long to be a test of one");
        ::close(accepted);
        ::close(listener.fd);

        // UDP: one datagram to the (closed) listener's port.
        const int udp = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_storage to;
        const socklen_t toSize = loopbackAddress(AF_INET, listener.port, to);
        QCOMPARE(::sendto(udp, "d", 1, 0, reinterpret_cast<sockaddr *>(&to), toSize), ssize_t(1));
        const quint16 udpPort = localPort(udp);
        ::close(udp);

        QTest::qWait(300); // let the last close reach the ring buffer before the recorder seals
        QCOMPARE(session.stop(), 0);
        const Recorded r = read(session);
        if (fileBackend == u"auto"_s) // fanotify: eBPF file capture runs only when the config names it
            fileBackend = u"fanotify"_s;
        QCOMPARE(backendOf(r, u"file"_s), fileBackend);
        QCOMPARE(backendOf(r, u"net"_s), u"ebpf"_s);

        const auto shellKey = keyOfExecWith(r, (tag + u"-shell"_s).toUtf8());
        QVERIFY(shellKey);
        const QByteArray m = QFile::encodeName(marked);
        const auto written = filesAt(r, m + "/written", FileOp::Write);
        QStringList seen; // what was recorded under the marked directory, to explain a failure
        for (const FileAccess &f : r.files) {
            if (f.path.startsWith(m))
                seen.append(u"%1 %2 by %3"_s.arg(QLatin1StringView(fileOpName(f.op)), QString::fromUtf8(f.path))
                                .arg(f.proc.pid));
        }
        const QString explained = u"losses: %1; seen: %2"_s.arg(r.losses.join(u"; "_s), seen.join(u"; "_s));
        QVERIFY2(written.size() == 1, qPrintable(explained));
        QCOMPARE(written.first().proc, *shellKey); // the shell's redirection wrote it

        const auto copiedKey = keyOfExecWith(r, (tag + u"-copied"_s).toUtf8());
        QVERIFY(copiedKey);
        const auto executed = filesAt(r, m + "/copied-true", FileOp::Exec);
        QCOMPARE(executed.size(), 1);
        QCOMPARE(executed.first().proc, *copiedKey);
        for (const ProcExec &e : r.execs) {
            if (e.proc == *copiedKey)
                QCOMPARE(e.exe, std::optional<QByteArray>(m + "/copied-true"));
        }

        const QByteArray x = QFile::encodeName(excluded);
        for (const FileAccess &f : r.files)
            QVERIFY2(!f.path.startsWith(x) && !f.to.value_or(QByteArray()).startsWith(x), f.path.constData());

        const ProcKey self = liveKey(::getpid());
        QList<FileAccess> hotOpens; // the create's, then the 10,000 in the next window
        for (const FileAccess &f : filesAt(r, m + "/hot", FileOp::Open)) {
            if (f.proc == self)
                hotOpens.append(f);
        }
        QCOMPARE(hotOpens.size(), 2);
        const qint64 hotCount = hotOpens.last().repeat ? hotOpens.last().repeat->count : 1;
        if (fileBackend == u"ebpf"_s)
            QCOMPARE(hotCount, 10000);
        else
            QVERIFY(hotCount <= 10000);
        const Endpoint server{u"127.0.0.1"_s, listener.port}, client{u"127.0.0.1"_s, clientPort};
        const auto one = [&](NetOp op, const std::function<bool(const NetEndpoint &)> &match) {
            QList<NetEndpoint> found;
            for (const NetEndpoint &e : r.net) {
                if (e.op == op && match(e))
                    found.append(e);
            }
            return found.size() == 1 ? std::optional<NetEndpoint>(found.first()) : std::nullopt;
        };
        const auto listen = one(NetOp::Listen, [&](const NetEndpoint &e) { return e.local == server; });
        QVERIFY(listen);
        QCOMPARE(listen->proc, std::optional<ProcKey>(self));
        const auto connect = one(NetOp::Connect, [&](const NetEndpoint &e) { return e.remote == server; });
        QVERIFY(connect);
        QCOMPARE(connect->proc, std::optional<ProcKey>(peerKey));
        QCOMPARE(connect->local, client);
        const auto accept = one(NetOp::Accept, [&](const NetEndpoint &e) { return e.local == server; });
        QVERIFY(accept);
        QCOMPARE(accept->proc, std::optional<ProcKey>(self));
        QCOMPARE(accept->remote, std::optional<Endpoint>(client));
        const auto clientClose = one(NetOp::Close, [&](const NetEndpoint &e) { return e.local == client; });
        QVERIFY(clientClose);
        QCOMPARE(clientClose->proc, std::optional<ProcKey>(peerKey));
        const auto send = one(NetOp::Send, [&](const NetEndpoint &e) { return e.local.port == udpPort; });
        QVERIFY(send);
        QCOMPARE(send->proto, Proto::Udp);
        QCOMPARE(send->proc, std::optional<ProcKey>(self));
        QCOMPARE(send->remote, std::optional<Endpoint>(server));

        const auto renamed = filesAt(r, m + "/written", FileOp::Rename);
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(renamed.first().to, std::optional<QByteArray>(m + "/renamed"));
        const auto quick = filesAt(r, m + "/quick", FileOp::Write);
        QVERIFY2(quick.size() == 1, qPrintable(explained));
        QCOMPARE(quick.first().proc, *shellKey);
        QVERIFY2(filesAt(r, m + "/quick-moved", FileOp::Write).isEmpty(), "a write recorded under a later name");
        const auto quickRenamed = filesAt(r, m + "/quick", FileOp::Rename);
        QCOMPARE(quickRenamed.size(), 1);
        QCOMPARE(quickRenamed.first().to, std::optional<QByteArray>(m + "/quick-moved"));
        const auto deleted = filesAt(r, m + "/renamed", FileOp::Delete);
        QCOMPARE(deleted.size(), 1);
        QVERIFY(deleted.first().proc != *shellKey && deleted.first().proc.pid != 0); // rm did it
    }

private:
    QTemporaryDir m_temp;
};

QTEST_GUILESS_MAIN(TestCaptureLive)
#include "tst_capturelive.moc"
