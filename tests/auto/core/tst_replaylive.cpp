// SPDX-License-Identifier: GPL-3.0-or-later
// Replay at T gives the state a test recorded at T (issue 10), on the live system (root): the real collector
// (flightrec record) records while a child of this test holds a known state — it is alive, holds a file open that
// it wrote, listens on a loopback TCP port and holds a connection to that listener (both ends) — and then ends it.
// The sealed archives go through the real importer into a SQLite case; replay at T (while the state was held) must
// give that state, and replay at T2 (after the child ended) must show it gone.
#include "casefixture.h"
#include "database.h"
#include "importer.h"
#include "keys.h"
#include "replayqueries.h"
#include "skip.h"
#include "truststore.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QDir>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace {

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

// The start of a live process in clock ticks since boot (field 22 of /proc/PID/stat): its key with the pid.
qint64 startTicks(pid_t pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : -1;
}

// The child: opens and writes `path`, listens on 127.0.0.1:0, connects to itself and accepts, passes a byte each
// way, reports its listening port on `report`, then waits until `hold` is closed and exits (the kernel closing the
// file and the sockets). Only async-signal-safe calls: it runs in a fork of a threaded process.
[[noreturn]] void holdState(const char *path, int report, int hold)
{
    const int file = ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (file < 0 || ::write(file, "held open\n", 10) != 10 || listener < 0
        || ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(listener, 4) != 0
        || ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        ::_exit(2);
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (client < 0 || ::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        ::_exit(3);
    const int server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    char byte = 'x';
    if (server < 0 || ::write(server, &byte, 1) != 1 || ::read(client, &byte, 1) != 1 || ::write(client, &byte, 1) != 1
        || ::read(server, &byte, 1) != 1)
        ::_exit(4);
    const quint16 port = ntohs(address.sin_port);
    if (::write(report, &port, sizeof port) != sizeof port)
        ::_exit(5);
    while (::read(hold, &byte, 1) > 0) {
    }
    ::_exit(0);
}

} // namespace

class TestReplayLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void replayGivesTheStateHeldAtT();

private:
    QTemporaryDir m_temp;
};

void TestReplayLive::initTestCase()
{
    if (::geteuid() != 0)
        FLIGHT_SKIP("the collector records the live system as root only");
    QVERIFY(m_temp.isValid());
}

void TestReplayLive::replayGivesTheStateHeldAtT()
{
    const QString keyPath = m_temp.filePath(u"host.key"_s);
    const auto key = Flight::Format::SigningKey::generate();
    QVERIFY(key.save(keyPath));
    // A real filesystem (fanotify marks every real local one; /tmp may be a tmpfs).
    QTemporaryDir work(u"/var/tmp/flightrec-replay-XXXXXX"_s);
    QVERIFY(work.isValid());
    const QByteArray held = QDir(work.path()).filePath(u"held.log"_s).toUtf8();
    const QString out = m_temp.filePath(u"out"_s);
    QVERIFY(QDir().mkpath(out));
    QFile config(m_temp.filePath(u"flightrec.conf"_s));
    QVERIFY(config.open(QIODevice::WriteOnly) && config.write("file_exclude = /proc /sys /dev\n") > 0);
    config.close();
    QProcess recorder;
    recorder.start(QStringLiteral(FLIGHTREC_BINARY), {u"record"_s, u"--duration"_s, u"120"_s, u"--out"_s, out,
                                                      u"--key"_s, keyPath, u"--config"_s, config.fileName()});
    QVERIFY2(recorder.waitForStarted(10000), "cannot start flightrec");
    QString stderrText;
    const QDeadlineTimer started(30000);
    while (!started.hasExpired() && recorder.state() == QProcess::Running
           && !stderrText.contains(u"capturing proc with"_s)) {
        recorder.waitForReadyRead(100);
        stderrText += QString::fromUtf8(recorder.readAllStandardError());
    }
    QVERIFY2(stderrText.contains(u"capturing proc with"_s), qPrintable(u"flightrec did not start: "_s + stderrText));
    QTest::qWait(500);
    stderrText += QString::fromUtf8(recorder.readAllStandardError());
    if (!stderrText.contains(u"capturing net with ebpf"_s))
        FLIGHT_SKIP("the eBPF network backend did not start here (the sockdiag fallback misses short events)");

    int report[2], hold[2];
    QVERIFY(::pipe2(report, O_CLOEXEC) == 0 && ::pipe2(hold, O_CLOEXEC) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(hold[1]);
        holdState(held.constData(), report[1], hold[0]);
    }
    ::close(report[1]);
    ::close(hold[0]);
    quint16 port = 0;
    QCOMPARE(::read(report[0], &port, sizeof port), ssize_t(sizeof port));
    ::close(report[0]);
    const qint64 childStart = startTicks(child);
    QVERIFY(childStart >= 0);
    QThread::msleep(300);
    const qint64 t = nowNs(); // the state is held
    QThread::msleep(300);
    ::close(hold[1]); // the child ends: the file and both sockets close with it
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QThread::msleep(500);
    const qint64 t2 = nowNs(); // gone
    QThread::msleep(1500); // the collector reads what happened before T2
    ::kill(pid_t(recorder.processId()), SIGINT); // seals what it recorded
    QVERIFY(recorder.waitForFinished(60000));
    stderrText += QString::fromUtf8(recorder.readAllStandardError());
    QVERIFY2(recorder.exitStatus() == QProcess::NormalExit && recorder.exitCode() == 0, qPrintable(stderrText));

    QTemporaryDir caseDir;
    auto db = Database::open(caseDir.filePath(u"live.sqlite"_s));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    auto trusted = TrustStore(**db).trust(key.publicKey(), QSysInfo::machineHostName());
    QVERIFY2(trusted.ok(), qPrintable(trusted.error().message));
    Importer importer(**db);
    for (const QString &name : QDir(out).entryList({u"*.frec"_s}, QDir::Files, QDir::Name)) {
        const auto outcome = importer.importFile(QDir(out).filePath(name));
        QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    }
    const qint64 host = (*db)->scalar(u"SELECT MIN(id) FROM hosts"_s)->toLongLong();
    auto childRow = (*db)->scalar(u"SELECT id FROM processes WHERE host_id = ? AND pid = ? AND start = ?"_s,
                                  {host, qint64(child), childStart});
    QVERIFY2(childRow.ok() && !childRow->isNull(), "the child's process is not in the case");
    const qint64 childId = childRow->toLongLong();

    auto atT = ReplayQueries(**db).replay(host, t, 1000000);
    QVERIFY2(atT.ok(), qPrintable(atT.error().message));
    QVERIFY2(atT->processesPart.knowledge.knowledge != Knowledge::Unknown, qPrintable(stderrText));
    // The child, alive, under this test process (its parent, alive too).
    const auto child_ = std::find_if(atT->processes.cbegin(), atT->processes.cend(),
                                     [childId](const RunningProcess &p) { return p.process.id == childId; });
    QVERIFY2(child_ != atT->processes.cend(), "the child is not alive at T");
    QVERIFY(child_->process.parentId);
    const auto lines = processTreeOrder(atT->processes);
    const auto lineOf = [&](qint64 id) {
        return std::find_if(lines.cbegin(), lines.cend(),
                            [&](const TreeLine &l) { return atT->processes.at(l.index).process.id == id; });
    };
    QVERIFY(lineOf(*child_->process.parentId) != lines.cend());
    QCOMPARE(lineOf(childId)->depth, lineOf(*child_->process.parentId)->depth + 1);
    // The file it held open and wrote.
    const auto file = std::find_if(atT->files.cbegin(), atT->files.cend(),
                                   [&](const OpenFileAt &f) { return f.processId == childId && f.path == held; });
    QVERIFY2(file != atT->files.cend(), "the held file is not open for writing at T");
    QCOMPARE(file->evidence, OpenFileAt::Evidence::OpenBeforeClosedAfter);
    QVERIFY(file->openedTs && *file->openedTs < t && file->closedTs > t);
    // Its listener and both ends of the connection to it.
    int listening = 0, connected = 0, accepted = 0;
    for (const OpenConnection &c : atT->connections) {
        if (c.processId != childId)
            continue;
        if (isListener(c.opened) && c.opened.lport == port)
            ++listening;
        else if (c.opened.op == "connect"_L1 && c.opened.rport == port)
            ++connected;
        else if (c.opened.op == "accept"_L1 && c.opened.lport == port)
            ++accepted;
    }
    QCOMPARE(listening, 1);
    QCOMPARE(connected, 1);
    QCOMPARE(accepted, 1);

    auto atT2 = ReplayQueries(**db).replay(host, t2, 1000000);
    QVERIFY2(atT2.ok(), qPrintable(atT2.error().message));
    QVERIFY(std::none_of(atT2->processes.cbegin(), atT2->processes.cend(),
                         [childId](const RunningProcess &p) { return p.process.id == childId; }));
    QVERIFY(std::none_of(atT2->files.cbegin(), atT2->files.cend(),
                         [&](const OpenFileAt &f) { return f.path == held; }));
    QVERIFY(std::none_of(atT2->connections.cbegin(), atT2->connections.cend(), [port](const OpenConnection &c) {
        return c.opened.lport == port || c.opened.rport == port;
    }));
}

QTEST_GUILESS_MAIN(TestReplayLive)
#include "tst_replaylive.moc"
