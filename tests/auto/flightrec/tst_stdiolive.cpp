// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec record on the live system (root), on the eBPF and on the netlink process backend: programs started with
// their descriptors 0, 1 and 2 on a socketpair, on pipes and a file, on /dev/null, a pseudo-terminal and closed, a
// setuid copy of a binary, and one started before the recorder (the start-up snapshot). The sealed archive must name
// each descriptor's kind and the executable's mode (FORMAT.md proc.exec `stdio`, `exe_mode`), and a case imported with
// flightdeck-cli must hold them in processes.stdio and processes.exe_mode.
#include "keys.h"
#include "programrun.h"
#include "recordsession.h"
#include "skip.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

constexpr int kClosed = -1;

// Forks and execs `path` with argv {argv0, arg} and descriptors 0, 1, 2 set to `fds` (kClosed: closed). Every other
// descriptor this test opens is close-on-exec. Only async-signal-safe calls after fork().
pid_t spawn(const char *path, const QByteArray &argv0, const char *arg, std::array<int, 3> fds)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    std::array<int, 3> high{kClosed, kClosed, kClosed}; // out of the way of 0..2 before they are replaced
    for (int i = 0; i < 3; ++i)
        high[i] = fds[i] == kClosed ? kClosed : ::fcntl(fds[i], F_DUPFD_CLOEXEC, 10);
    for (int i = 0; i < 3; ++i) {
        if (high[i] == kClosed)
            ::close(i);
        else if (::dup2(high[i], i) < 0)
            ::_exit(126);
    }
    ::execl(path, argv0.constData(), arg, static_cast<char *>(nullptr));
    ::_exit(127);
}

struct Descriptors
{
    int socket[2] = {-1, -1};
    int inPipe[2] = {-1, -1}, outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
    int file = -1, null = -1, ptyMaster = -1, ptySlave = -1;

    bool open(const QString &filePath)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, socket) != 0 || ::pipe2(inPipe, O_CLOEXEC) != 0
            || ::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0)
            return false;
        file = ::open(QFile::encodeName(filePath).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        ptyMaster = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (file < 0 || null < 0 || ptyMaster < 0 || ::grantpt(ptyMaster) != 0 || ::unlockpt(ptyMaster) != 0)
            return false;
        ptySlave = ::open(::ptsname(ptyMaster), O_RDWR | O_NOCTTY | O_CLOEXEC);
        return ptySlave >= 0;
    }
    ~Descriptors()
    {
        for (int fd : {socket[0], socket[1], inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1], file,
                       null, ptyMaster, ptySlave}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
};

// One program of the workload: what it was started with, and what the archive must say.
struct Launch
{
    QByteArray argv0; // unique: finds its exec in the archive
    QString stdio;
    qint64 exeMode = 0;
    bool mayBeUnknown = false; // the /proc backends may miss a process that ended at once, but must then say so
    pid_t pid = 0;
};

// The image of the process `pid` that `argv0` started (a process whose argv the /proc backends could not read any more
// has an empty argv).
const ProcessImage *imageOf(const QList<ProcessImage> &images, pid_t pid, const QByteArray &argv0)
{
    for (const ProcessImage &p : images) {
        if (p.proc.pid == pid && (p.argv.isEmpty() || p.argv.first() == argv0))
            return &p;
    }
    return nullptr;
}

} // namespace

class TestStdioLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("live capture needs root");
        QVERIFY(m_temp.isValid());
        auto key = SigningKey::generate();
        QVERIFY(key.save(m_temp.filePath(u"host.key"_s)));
        m_publicKey = key.publicKey().toText();
    }

    void stdioAndModeRecordedAndImported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("ebpf") << u"ebpf"_s;
        QTest::newRow("netlink") << u"netlink"_s;
    }

    void stdioAndModeRecordedAndImported()
    {
        QFETCH(QString, backend);
        QTemporaryDir work(u"/var/tmp/flightrec-stdio-XXXXXX"_s);
        QVERIFY(work.isValid());
        Descriptors d;
        QVERIFY2(d.open(work.filePath(u"stderr.log"_s)), strerror(errno));
        const QString setuidCopy = work.filePath(u"setuid-sleep"_s);
        QVERIFY(QFile::copy(u"/bin/sleep"_s, setuidCopy));
        QCOMPARE(::chmod(QFile::encodeName(setuidCopy).constData(), 04755), 0);
        const QByteArray tag = QUuid::createUuid().toString(QUuid::Id128).left(10).toLatin1();
        constexpr qint64 kPlainSleep = S_IFREG | 0755, kSetuidSleep = S_IFREG | 04755;
        struct stat sleepStat = {};
        QCOMPARE(::stat("/bin/sleep", &sleepStat), 0);
        QCOMPARE(qint64(sleepStat.st_mode), kPlainSleep);

        // Alive before the recorder starts: its image comes from the start-up snapshot.
        Launch before{tag + "-before", u"socket socket pipe"_s, kPlainSleep};
        before.pid = spawn("/bin/sleep", before.argv0, "30", {d.socket[1], d.socket[1], d.errPipe[1]});
        QVERIFY(before.pid > 0);

        const QString out = work.filePath(u"out"_s);
        RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s), out,
                              {u"proc_backend = %1"_s.arg(backend), u"file_capture = no"_s, u"integrity = no"_s});
        QString why;
        const bool started = session.start(120, &why);
        if (!started && backend == "ebpf"_L1 && session.stdErr().contains(u"ebpf"_s))
            FLIGHT_SKIP("the eBPF process backend did not start here");
        QVERIFY2(started, qPrintable(why));
        QVERIFY2(session.stdErr().contains(u"capturing proc with %1"_s.arg(backend)), qPrintable(session.stdErr()));

        // Each lives 0.6 s, long enough for the /proc backends to read it; "short" ends at once.
        QList<Launch> launches{
            {tag + "-socket", u"socket socket pipe"_s, kPlainSleep},
            {tag + "-pipe", u"pipe pipe file"_s, kPlainSleep},
            {tag + "-null", u"null tty none"_s, kPlainSleep},
            {tag + "-setuid", u"null null null"_s, kSetuidSleep},
            {tag + "-short", u"socket socket pipe"_s, 0, backend != "ebpf"_L1},
        };
        const std::array<std::array<int, 3>, 5> fds{{
            {d.socket[1], d.socket[1], d.errPipe[1]},
            {d.inPipe[0], d.outPipe[1], d.file},
            {d.null, d.ptySlave, kClosed},
            {d.null, d.null, d.null},
            {d.socket[1], d.socket[1], d.errPipe[1]},
        }};
        for (qsizetype i = 0; i < launches.size(); ++i) {
            const bool isShort = launches[i].argv0.endsWith("-short");
            const QByteArray path = isShort ? "/bin/true" : i == 3 ? QFile::encodeName(setuidCopy) : "/bin/sleep";
            launches[i].pid = spawn(path.constData(), launches[i].argv0, "0.6", fds[size_t(i)]);
            QVERIFY(launches[i].pid > 0);
        }
        for (const Launch &l : std::as_const(launches)) {
            int status = 0;
            QCOMPARE(::waitpid(l.pid, &status, 0), l.pid);
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, l.argv0.constData());
        }
        QTest::qWait(300);
        QCOMPARE(session.stop(), 0);
        ::kill(before.pid, SIGKILL);
        ::waitpid(before.pid, nullptr, 0);

        QList<ProcessImage> execs, snapshots;
        for (const auto &[manifest, events] : session.archives()) {
            for (const Event &e : events) {
                if (const auto *exec = std::get_if<ProcExec>(&e.body))
                    execs.append(*exec);
                else if (const auto *snapshot = std::get_if<ProcSnapshot>(&e.body))
                    snapshots.append(*snapshot);
            }
        }
        QList<std::pair<Launch, ProcKey>> expected;
        const auto check = [&](const Launch &l, const ProcessImage *image) {
            // A process that ended before the /proc backends read it may be missing or incomplete: never wrong.
            if (l.mayBeUnknown && (!image || !image->stdio || *image->stdio == u"unknown unknown unknown"_s))
                return;
            QVERIFY2(image, l.argv0.constData());
            QVERIFY2(image->stdio, l.argv0.constData());
            // A /proc backend reads the fds just after the exec, while the dynamic loader may hold the lowest free
            // fd open (ld.so.cache, libc): a closed fd 2 is then a file for a moment.
            const bool loaderMoment = backend != "ebpf"_L1 && l.stdio.endsWith(u" none"_s)
                && *image->stdio == l.stdio.chopped(4) + u"file"_s;
            if (!loaderMoment)
                QCOMPARE(*image->stdio, l.stdio);
            Launch seen = l;
            seen.stdio = *image->stdio;
            if (l.exeMode != 0)
                QCOMPARE(image->exeMode, std::optional<qint64>(l.exeMode));
            expected.append({seen, image->proc});
        };
        check(before, imageOf(snapshots, before.pid, before.argv0));
        for (const Launch &l : std::as_const(launches))
            check(l, imageOf(execs, l.pid, l.argv0));
        if (QTest::currentTestFailed())
            return;

        // The case: the same words and mode in the processes table.
        const QString db = work.filePath(u"case.sqlite"_s);
        const ProgramRun trusted = runProgram(QStringLiteral(FLIGHTDECK_CLI), {u"--db"_s, db, u"trust"_s, m_publicKey});
        QVERIFY2(trusted.code == 0, qPrintable(trusted.err));
        const ProgramRun imported = runProgram(QStringLiteral(FLIGHTDECK_CLI), {u"--db"_s, db, u"import"_s, out});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        {
            auto sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"case"_s);
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.prepare(u"SELECT stdio, exe_mode FROM processes WHERE pid = ? AND start = ?"_s));
            for (const auto &[launch, key] : std::as_const(expected)) {
                q.addBindValue(key.pid);
                q.addBindValue(key.start);
                QVERIFY(q.exec());
                QVERIFY2(q.next(), launch.argv0.constData());
                QCOMPARE(q.value(0).toString(), launch.stdio);
                if (launch.exeMode != 0)
                    QCOMPARE(q.value(1).toLongLong(), launch.exeMode);
            }
        }
        QSqlDatabase::removeDatabase(u"case"_s);
    }

private:
    QTemporaryDir m_temp;
    QString m_publicKey;
};

QTEST_GUILESS_MAIN(TestStdioLive)
#include "tst_stdiolive.moc"
