// SPDX-License-Identifier: GPL-3.0-or-later
// Two collectors with `scope = namespace` in two namespace "hosts" on one kernel (tests/common/namespacehosts.h),
// joined by a veth pair: a process in A connects over TCP to a listener in B. A's archive must hold the client's
// connect and B's the accept; each must hold its own marker processes and file writes and none of the other's or of
// the host's; each verifies, states its scope and carries its own machine-id and hostname.
#include "keys.h"
#include "namespacehosts.h"
#include "programrun.h"
#include "recordsession.h"
#include "skip.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <algorithm>
#include <arpa/inet.h>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

constexpr quint16 kPort = 4711;

// Forks a process into `host`'s network and pid namespaces that runs `body` and exits with its result; its pid in
// that namespace is written to `pidOut`. Returns the global pid of the intermediate process to wait for.
pid_t forkInto(const NamespaceHost &host, int pidOut, int (*body)(int), int argument)
{
    const pid_t middle = ::fork();
    if (middle != 0)
        return middle;
    char path[64];
    for (const char *ns : {"net", "pid"}) {
        std::snprintf(path, sizeof path, "/proc/%lld/ns/%s", static_cast<long long>(host.initPid()), ns);
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::setns(fd, 0) != 0)
            ::_exit(120);
        ::close(fd);
    }
    const pid_t inner = ::fork(); // the first child after setns(pid) is in the namespace
    if (inner == 0) {
        const pid_t self = ::getpid();
        if (::write(pidOut, &self, sizeof self) != sizeof self)
            ::_exit(121);
        ::_exit(body(argument));
    }
    int status = 0;
    ::waitpid(inner, &status, 0);
    ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 122);
}

// Only async-signal-safe calls below: they run in forked children of a threaded process.
sockaddr_in addressOf(const char *text)
{
    sockaddr_in a = {};
    a.sin_family = AF_INET;
    a.sin_port = htons(kPort);
    ::inet_pton(AF_INET, text, &a.sin_addr);
    return a;
}

// In B: listens on 10.231.0.2, says so on `ready`, accepts one connection and reads its byte.
int serve(int ready)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in a = addressOf("10.231.0.2");
    if (s < 0 || ::bind(s, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0 || ::listen(s, 1) != 0)
        return 1;
    const char byte = 'r';
    if (::write(ready, &byte, 1) != 1)
        return 2;
    const int c = ::accept(s, nullptr, nullptr);
    char got = 0;
    return c >= 0 && ::read(c, &got, 1) == 1 && got == 'x' ? 0 : 3;
}

// In A: connects to B's listener and sends one byte.
int connectToB(int)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in a = addressOf("10.231.0.2");
    if (s < 0 || ::connect(s, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0)
        return 1;
    return ::write(s, "x", 1) == 1 ? 0 : 2;
}

pid_t readPid(int fd)
{
    pid_t pid = 0;
    return ::read(fd, &pid, sizeof pid) == sizeof pid ? pid : 0;
}

struct Recorded
{
    Manifest manifest;
    QList<Event> events;

    bool hasProcessWith(const QByteArray &marker) const
    {
        for (const Event &e : events) {
            const auto *exec = std::get_if<ProcExec>(&e.body);
            const auto *snapshot = std::get_if<ProcSnapshot>(&e.body);
            const ProcessImage *image = exec ? static_cast<const ProcessImage *>(exec) : snapshot;
            if (image && std::any_of(image->argv.begin(), image->argv.end(), [&](const QByteArray &a) {
                    return a.contains(marker);
                }))
                return true;
        }
        return false;
    }
    bool hasFileWith(const QByteArray &marker) const
    {
        return std::any_of(events.begin(), events.end(), [&](const Event &e) {
            const auto *f = std::get_if<FileAccess>(&e.body);
            return f && f->path.contains(marker);
        });
    }
    QList<NetEndpoint> tcp(NetOp op) const
    {
        QList<NetEndpoint> found;
        for (const Event &e : events) {
            const auto *n = std::get_if<NetEndpoint>(&e.body);
            if (n && n->op == op && n->proto == Proto::Tcp
                && (n->local.port == kPort || (n->remote && n->remote->port == kPort)))
                found.append(*n);
        }
        return found;
    }
};

} // namespace

class TestScopeLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoNamespacesRecordAsTwoHosts()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("namespaces and live capture need root");
        QTemporaryDir temp(u"/var/tmp/flightrec-scope-XXXXXX"_s);
        QVERIFY(temp.isValid());
        NamespacePair pair(temp.path());
        QString why;
        QVERIFY2(pair.start(&why), qPrintable(why));
        const QByteArray tag = QUuid::createUuid().toString(QUuid::Id128).left(8).toLatin1();
        const QByteArray markA = tag + "-in-a", markB = tag + "-in-b", markHost = tag + "-on-host";

        // Alive before the collectors start: in their start-up snapshots, or not.
        QProcess longA, longB, longHost;
        longA.start(u"nsenter"_s, pair.a.nsenter({u"sh"_s, u"-c"_s, u"sleep 60"_s, QString::fromLatin1(markA)}));
        longB.start(u"nsenter"_s, pair.b.nsenter({u"sh"_s, u"-c"_s, u"sleep 60"_s, QString::fromLatin1(markB)}));
        longHost.start(u"sh"_s, {u"-c"_s, u"sleep 60"_s, QString::fromLatin1(markHost)});
        QVERIFY(longA.waitForStarted() && longB.waitForStarted() && longHost.waitForStarted());

        std::vector<std::unique_ptr<RecordSession>> sessions;
        QStringList publicKeys;
        for (const NamespaceHost *host : {&pair.a, &pair.b}) {
            const QString dir = temp.filePath(host == &pair.a ? u"a"_s : u"b"_s);
            auto key = SigningKey::generate();
            QVERIFY(key.save(dir + u"/host.key"_s));
            publicKeys.append(dir + u"/host.pub"_s);
            QFile pub(publicKeys.last());
            QVERIFY(pub.open(QIODevice::WriteOnly) && pub.write(key.publicKey().toText().toLatin1() + '\n') > 0);
            pub.close();
            sessions.push_back(
                std::make_unique<RecordSession>(QStringLiteral(FLIGHTREC_BINARY), dir + u"/host.key"_s, dir + u"/out"_s,
                                                QStringList{u"scope = namespace"_s, u"integrity = no"_s}));
            sessions.back()->setLauncher(u"nsenter"_s, host->nsenter({}));
            const bool started = sessions.back()->start(120, &why);
            if (!started && why.contains(u"ebpf"_s))
                FLIGHT_SKIP("the eBPF process backend did not start here (scope = namespace needs it)");
            QVERIFY2(started, qPrintable(why));
            QVERIFY2(sessions.back()->stdErr().contains(u"capturing proc with ebpf"_s),
                     qPrintable(sessions.back()->stdErr()));
        }

        // Each host (and this one) runs a marker program and writes a marker file on the shared filesystem.
        for (const auto &[host, mark] : {std::pair{&pair.a, markA}, std::pair{&pair.b, markB}}) {
            const QString script = u"echo x > \"$1/$2-file\""_s;
            const ProgramRun run = host->runIn(
                {u"sh"_s, u"-c"_s, script, QString::fromLatin1(mark), temp.path(), QString::fromLatin1(mark)});
            QVERIFY2(run.code == 0, qPrintable(run.err));
        }
        const ProgramRun onHost = runProgram(u"sh"_s,
                                             {u"-c"_s, u"echo x > \"$1/$2-file\""_s, QString::fromLatin1(markHost),
                                              temp.path(), QString::fromLatin1(markHost)});
        QCOMPARE(onHost.code, 0);

        // TCP from A to B over the veth pair.
        int pids[2], ready[2];
        QCOMPARE(::pipe2(pids, O_CLOEXEC), 0);
        QCOMPARE(::pipe2(ready, O_CLOEXEC), 0);
        const pid_t server = forkInto(pair.b, pids[1], serve, ready[1]);
        const pid_t serverInB = readPid(pids[0]);
        char byte = 0;
        QCOMPARE(::read(ready[0], &byte, 1), ssize_t(1));
        const pid_t client = forkInto(pair.a, pids[1], connectToB, 0);
        const pid_t clientInA = readPid(pids[0]);
        for (pid_t pid : {client, server}) {
            int status = 0;
            QCOMPARE(::waitpid(pid, &status, 0), pid);
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(u"status %1"_s.arg(status)));
        }
        for (int fd : {pids[0], pids[1], ready[0], ready[1]})
            ::close(fd);
        QVERIFY(serverInB > 0 && clientInA > 0);

        QTest::qWait(2500); // the file aggregation window and the last ring-buffer reads
        QList<Recorded> recorded;
        for (const auto &session : sessions) {
            QCOMPARE(session->stop(), 0);
            Recorded r;
            for (const auto &[manifest, events] : session->archives()) {
                r.manifest = manifest;
                r.events += events;
            }
            QVERIFY2(!r.events.isEmpty(), qPrintable(session->stdErr()));
            recorded.append(r);
        }
        for (QProcess *p : {&longA, &longB, &longHost}) {
            p->kill();
            p->waitForFinished();
        }
        const Recorded &a = recorded[0], &b = recorded[1];

        QCOMPARE(a.manifest.host.machineId, pair.a.machineId());
        QCOMPARE(b.manifest.host.machineId, pair.b.machineId());
        QCOMPARE(a.manifest.host.hostname, u"flight-a"_s);
        QCOMPARE(b.manifest.host.hostname, u"flight-b"_s);
        QCOMPARE(a.manifest.collector.scope, u"namespace"_s);
        QCOMPARE(b.manifest.collector.scope, u"namespace"_s);

        QVERIFY(a.hasProcessWith(markA) && !a.hasProcessWith(markB) && !a.hasProcessWith(markHost));
        QVERIFY(b.hasProcessWith(markB) && !b.hasProcessWith(markA) && !b.hasProcessWith(markHost));
        QVERIFY(a.hasFileWith(markA) && !a.hasFileWith(markB) && !a.hasFileWith(markHost));
        QVERIFY(b.hasFileWith(markB) && !b.hasFileWith(markA) && !b.hasFileWith(markHost));

        const auto connects = a.tcp(NetOp::Connect);
        QCOMPARE(connects.size(), 1);
        QCOMPARE(connects[0].proc->pid, qint64(clientInA));
        QCOMPARE(connects[0].local.addr, u"10.231.0.1"_s);
        QCOMPARE(connects[0].remote->addr, u"10.231.0.2"_s);
        QVERIFY(a.tcp(NetOp::Accept).isEmpty() && a.tcp(NetOp::Listen).isEmpty());
        const auto accepts = b.tcp(NetOp::Accept);
        QCOMPARE(accepts.size(), 1);
        QCOMPARE(accepts[0].proc->pid, qint64(serverInB));
        QCOMPARE(accepts[0].remote->addr, u"10.231.0.1"_s);
        QVERIFY(b.tcp(NetOp::Connect).isEmpty());

        for (int i = 0; i < 2; ++i) {
            const QString out = temp.filePath(i == 0 ? u"a/out"_s : u"b/out"_s);
            QStringList archives;
            for (const QString &name : QDir(out).entryList({u"*.frec"_s}, QDir::Files, QDir::Name))
                archives.append(out + u'/' + name);
            const ProgramRun verified = runProgram(QStringLiteral(FLIGHTREC_BINARY),
                                                   QStringList{u"verify"_s, u"--trust"_s, publicKeys[i]} + archives);
            QVERIFY2(verified.code == 0, qPrintable(verified.out + verified.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestScopeLive)
#include "tst_scopelive.moc"
