// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec record on the live system (root), on the eBPF, the netlink and the polling process backend: programs
// that have no name on disk — a copy of sleep run from a memfd (memfd_create + execveat(fd, "", AT_EMPTY_PATH)), a
// copy deleted before it is run the same way, and sleep started in a working directory removed before the exec. The
// archive's proc.exec (with polling: the proc.snapshot of the process seen alive) must name each as the kernel's
// d_path() does, which is what readlink(/proc/<pid>/exe) and /proc/<pid>/cwd gave this test while the process ran:
// "/memfd:NAME (deleted)", "PATH (deleted)" (FORMAT.md proc.exec `exe`), so the deleted-or-memfd-exe rule reads the
// same text whatever backend recorded it.
#include "keys.h"
#include "recordsession.h"
#include "skip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

// Forks; the child moves into `cwd` (and removes it when `removeCwd`), then runs the executable open at `fd` (or
// `path` when fd < 0) with argv {argv0, "0.8"}. Only async-signal-safe calls after fork().
pid_t spawn(int fd, const char *path, const QByteArray &argv0, const char *cwd, bool removeCwd)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    if (::chdir(cwd) != 0 || (removeCwd && ::rmdir(cwd) != 0))
        ::_exit(126);
    char *const argv[] = {const_cast<char *>(argv0.constData()), const_cast<char *>("0.8"), nullptr};
    char *const envp[] = {nullptr};
    if (fd >= 0)
        ::execveat(fd, "", argv, envp, AT_EMPTY_PATH);
    else
        ::execve(path, argv, envp);
    ::_exit(127);
}

std::optional<QByteArray> readLink(const QString &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target.data(), size_t(target.size()));
    if (n <= 0)
        return std::nullopt;
    target.truncate(n);
    return target;
}

// One program of the workload and what the archive must say of it.
struct Launch
{
    QByteArray argv0; // unique: finds its exec in the archive
    QByteArray exe, cwd; // as d_path() shows them
    pid_t pid = 0;
    std::optional<QByteArray> seenExe, seenCwd; // readlink() of /proc/<pid>/exe and cwd while it ran
};

} // namespace

class TestUnlinkedExeLive : public QObject
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

    void unlinkedFilesNamedAsTheKernelDoes_data()
    {
        QTest::addColumn<QString>("backend"); // the config's word
        QTest::addColumn<QString>("capturing"); // the name flightrec reports it under
        QTest::newRow("ebpf") << u"ebpf"_s << u"ebpf"_s;
        QTest::newRow("netlink") << u"netlink"_s << u"netlink"_s;
        QTest::newRow("poll") << u"poll"_s << u"procfs-poll"_s;
    }

    void unlinkedFilesNamedAsTheKernelDoes()
    {
        QFETCH(QString, backend);
        QFETCH(QString, capturing);
        QTemporaryDir work(u"/var/tmp/flightrec-unlinked-XXXXXX"_s);
        QVERIFY(work.isValid());
        const QString dir = QDir(work.path()).canonicalPath();
        const QByteArray tag = QUuid::createUuid().toString(QUuid::Id128).left(10).toLatin1();
        QFile sleep(u"/bin/sleep"_s);
        QVERIFY(sleep.open(QIODevice::ReadOnly));
        const QByteArray program = sleep.readAll();
        const QByteArray sleepPath = QFile::encodeName(QFileInfo(u"/bin/sleep"_s).canonicalFilePath());

        // The memfd and the deleted copy, open before the recorder starts (their exec is what is recorded).
        const QByteArray memfdName = "flightrec-test-" + tag;
        const int memfd = ::memfd_create(memfdName.constData(), MFD_CLOEXEC);
        QVERIFY(memfd >= 0);
        const auto closeMemfd = qScopeGuard([memfd] { ::close(memfd); });
        QCOMPARE(::write(memfd, program.constData(), size_t(program.size())), ssize_t(program.size()));
        QCOMPARE(::fchmod(memfd, 0755), 0);
        const QString copyPath = dir + u"/sleep-copy"_s;
        QVERIFY(QFile::copy(u"/bin/sleep"_s, copyPath));
        QVERIFY(QFile::setPermissions(copyPath, QFile::ReadOwner | QFile::ExeOwner));
        const int copy = ::open(QFile::encodeName(copyPath).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(copy >= 0);
        const auto closeCopy = qScopeGuard([copy] { ::close(copy); });
        QVERIFY(QFile::remove(copyPath));
        const QString goneDir = dir + u"/gone"_s;
        QVERIFY(QDir().mkdir(goneDir));

        const QString out = work.filePath(u"out"_s);
        RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s), out,
                              {u"proc_backend = %1"_s.arg(backend), u"poll_interval = 100ms"_s, u"file_capture = no"_s,
                               u"integrity = no"_s, u"net_capture = no"_s});
        QString why;
        const bool started = session.start(120, &why);
        if (!started && backend == "ebpf"_L1 && session.stdErr().contains(u"ebpf"_s))
            FLIGHT_SKIP("the eBPF process backend did not start here");
        QVERIFY2(started, qPrintable(why));
        QVERIFY2(session.stdErr().contains(u"capturing proc with %1"_s.arg(capturing)), qPrintable(session.stdErr()));

        const QByteArray workDir = QFile::encodeName(dir);
        QList<Launch> launches{
            {tag + "-memfd", "/memfd:" + memfdName + " (deleted)", workDir, 0, {}, {}},
            {tag + "-deleted", QFile::encodeName(copyPath) + " (deleted)", workDir, 0, {}, {}},
            {tag + "-cwd", sleepPath, QFile::encodeName(goneDir) + " (deleted)", 0, {}, {}},
        };
        const QByteArray goneDirPath = QFile::encodeName(goneDir);
        launches[0].pid = spawn(memfd, nullptr, launches[0].argv0, workDir.constData(), false);
        launches[1].pid = spawn(copy, nullptr, launches[1].argv0, workDir.constData(), false);
        launches[2].pid = spawn(-1, "/bin/sleep", launches[2].argv0, goneDirPath.constData(), true);
        QTest::qWait(300); // they run 0.8 s: what /proc says of them meanwhile is what d_path() says
        for (Launch &l : launches) {
            l.seenExe = readLink(u"/proc/%1/exe"_s.arg(l.pid));
            l.seenCwd = readLink(u"/proc/%1/cwd"_s.arg(l.pid));
        }
        for (const Launch &l : std::as_const(launches)) {
            int status = 0;
            QCOMPARE(::waitpid(l.pid, &status, 0), l.pid);
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, l.argv0.constData());
            QCOMPARE(l.seenExe, std::optional<QByteArray>(l.exe)); // the test's own expectation is the kernel's
            QCOMPARE(l.seenCwd, std::optional<QByteArray>(l.cwd));
        }
        QTest::qWait(300);
        QCOMPARE(session.stop(), 0);

        // Each program's image: its proc.exec; with polling, the proc.snapshot of it "seen alive".
        QList<ProcessImage> images;
        for (const auto &[manifest, events] : session.archives()) {
            for (const Event &e : events) {
                if (const auto *exec = std::get_if<ProcExec>(&e.body))
                    images.append(*exec);
                else if (const auto *seen = std::get_if<ProcSnapshot>(&e.body); seen && backend == "poll"_L1)
                    images.append(*seen);
            }
        }
        for (const Launch &l : std::as_const(launches)) {
            const auto image = std::find_if(images.cbegin(), images.cend(), [&](const ProcessImage &p) {
                return p.proc.pid == l.pid && !p.argv.isEmpty() && p.argv.first() == l.argv0;
            });
            const bool seenBeforeExec = std::any_of(images.cbegin(), images.cend(), [&](const ProcessImage &p) {
                return p.proc.pid == l.pid && !p.argv.isEmpty() && p.argv.first() != l.argv0;
            });
            if (image == images.cend() && backend == "poll"_L1 && seenBeforeExec) {
                qWarning("%s: polled between its fork and its exec (an exec keeps the key: never read again)",
                         l.argv0.constData());
                continue;
            }
            QVERIFY2(image != images.cend(), l.argv0.constData());
            QCOMPARE(image->exe, std::optional<QByteArray>(l.exe));
            QCOMPARE(image->cwd, std::optional<QByteArray>(l.cwd));
        }
    }

private:
    QTemporaryDir m_temp;
};

QTEST_GUILESS_MAIN(TestUnlinkedExeLive)
#include "tst_unlinkedexelive.moc"
