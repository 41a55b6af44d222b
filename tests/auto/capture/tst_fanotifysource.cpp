// SPDX-License-Identifier: GPL-3.0-or-later
// fanotify file capture on the live host (root): this process's writes and reads, the exec of a copied binary by a
// child, each with the right process key, path, device and inode; creates, renames (within and across directories)
// and deletes of files and directories with their names; nothing from excluded paths or from the excluded
// (collector's) pid; accesses of processes that ended before they were read, keyed from the process events.
// Repeated opens: tst_fanotifyrepeats.
#include "fanotifysource.h"
#include "fanotifytesting.h"
#include "hostinfo.h"
#include "procfs.h"
#include "skip.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace FanotifyTesting;

namespace {

// A create, delete or rename as "op path [to]", for comparing lists.
struct NameChange
{
    FileOp op;
    QByteArray path, to;
    bool operator==(const NameChange &) const = default;
};

QByteArray describe(const NameChange &c)
{
    return QByteArray(fileOpName(c.op)) + ' ' + c.path + (c.to.isEmpty() ? QByteArray() : " -> " + c.to);
}

char *toString(const NameChange &c)
{
    return qstrdup(describe(c).constData());
}

// The creates, deletes and renames by `key` whose path or new name lies under `dir`, in the order delivered.
QList<NameChange> nameChanges(const CollectingSink &sink, const ProcKey &key, const QByteArray &dir)
{
    QList<NameChange> found;
    for (const Event &e : sink.events()) {
        const auto *a = std::get_if<FileAccess>(&e.body);
        if (!a || a->proc != key || (a->op != FileOp::Create && a->op != FileOp::Delete && a->op != FileOp::Rename))
            continue;
        if (a->path.startsWith(dir + '/') || a->to.value_or(QByteArray()).startsWith(dir + '/'))
            found.append({a->op, a->path, a->to.value_or(QByteArray())});
    }
    return found;
}

} // namespace

class TestFanotifySource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: fanotify filesystem marks need CAP_SYS_ADMIN");
        m_dir = std::make_unique<QTemporaryDir>(u"/var/tmp/flight-fanotify-XXXXXX"_s);
        QVERIFY(m_dir->isValid());
    }

    // Both ways of reading accesses: the access group (file handles, names at event time) and the descriptor group
    // (its fallback: paths read from the event's descriptor).
    void accessesWithKeysPathsAndInodes_data()
    {
        QTest::addColumn<bool>("byHandle");
        QTest::newRow("file handles") << true;
        QTest::newRow("descriptors") << false;
    }

    void accessesWithKeysPathsAndInodes()
    {
        QFETCH(bool, byHandle);
        CollectingSink sink;
        FanotifyOptions options;
        options.exclude.append(QFile::encodeName(m_dir->filePath(u"excluded"_s)));
        options.accessByHandle = byHandle;
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        QVERIFY(source.stats().marks > 0);
        if (byHandle && source.stats().handleMarks == 0)
            FLIGHT_SKIP("the fanotify access group (FAN_REPORT_DFID_NAME with pidfds, Linux 5.17+) marked nothing");
        // Every filesystem by handle, or none; the backend says which read their paths late.
        QCOMPARE(source.stats().handleMarks, byHandle ? source.stats().marks : 0);
        QCOMPARE(source.backend().reason.contains(u"are read when the event is read"_s), !byHandle);

        const QString written = m_dir->filePath(u"written"_s), exe = m_dir->filePath(u"copied-sleep"_s);
        QVERIFY(writeFile(written, "evidence"));
        QFile read(written);
        QVERIFY(read.open(QIODevice::ReadOnly));
        read.close();
        QVERIFY(QDir().mkpath(m_dir->filePath(u"excluded"_s)));
        QVERIFY(writeFile(m_dir->filePath(u"excluded/secret"_s), "x"));
        QVERIFY(QFile::copy(u"/bin/sleep"_s, exe));
        const QByteArray exePath = QFile::encodeName(exe);
        char *argv[] = {const_cast<char *>(exePath.constData()), const_cast<char *>("0.3"), nullptr};
        pid_t child = -1;
        QCOMPARE(posix_spawn(&child, argv[0], nullptr, nullptr, argv, environ), 0);
        QTRY_VERIFY(keyOf(child).start > 0 && readProcStat(child)->comm == u"copied-sleep"_s);
        const ProcKey childKey = keyOf(child);
        ::waitpid(child, nullptr, 0);
        source.stop();

        const ProcKey self = keyOf(::getpid());
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(written).constData(), &st), 0);
        const QList<FileAccess> onWritten = accesses(sink, QFile::encodeName(written));
        const auto has = [&](const QList<FileAccess> &list, FileOp op, const ProcKey &key) {
            return std::any_of(list.cbegin(), list.cend(), [&](const FileAccess &a) {
                return a.op == op && a.proc == key && a.ino == qint64(st.st_ino) && a.dev == qint64(st.st_dev);
            });
        };
        QVERIFY2(has(onWritten, FileOp::Write, self), "no close-after-write of the written file by this process");
        QVERIFY2(has(onWritten, FileOp::Open, self), "no open of the written file by this process");
        const QList<FileAccess> onExe = accesses(sink, exePath);
        QVERIFY2(std::any_of(onExe.cbegin(), onExe.cend(),
                             [&](const FileAccess &a) { return a.op == FileOp::Exec && a.proc == childKey; }),
                 "no exec of the copied binary by the child");
        QVERIFY(accesses(sink, QFile::encodeName(m_dir->filePath(u"excluded/secret"_s))).isEmpty());
        for (const Event &e : sink.events()) {
            if (const auto *a = std::get_if<FileAccess>(&e.body))
                QVERIFY2(!a->path.startsWith("/proc/") && !a->path.startsWith("/sys/"), a->path.constData());
        }
    }

    // A file written and renamed at once: its write is recorded under the name it had when it was closed, though the
    // rename came before the event was read. Many in a row, so that some renames surely win that race.
    void writeShowsTheNameAtTheTimeOfTheWrite()
    {
        CollectingSink sink;
        FanotifySource source;
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        if (source.stats().handleMarks == 0)
            FLIGHT_SKIP("the fanotify access group (FAN_REPORT_DFID_NAME with pidfds, Linux 5.17+) marked nothing");
        const QByteArray dir = QFile::encodeName(m_dir->path());
        constexpr int kFiles = 200;
        for (int i = 0; i < kFiles; ++i) {
            const QByteArray written = dir + "/written-" + QByteArray::number(i);
            QVERIFY(writeFile(QFile::decodeName(written), "evidence"));
            QCOMPARE(::rename(written.constData(), (dir + "/renamed-" + QByteArray::number(i)).constData()), 0);
        }
        QTest::qWait(300);
        source.stop();
        const ProcKey self = keyOf(::getpid());
        QStringList wrong;
        int written = 0;
        for (const Event &e : sink.events()) {
            const auto *a = std::get_if<FileAccess>(&e.body);
            if (!a || a->op != FileOp::Write || !a->path.startsWith(dir + '/'))
                continue;
            if (a->path.startsWith(dir + "/written-") && a->proc == self)
                ++written;
            else
                wrong.append(u"%1 by %2"_s.arg(QString::fromUtf8(a->path)).arg(a->proc.pid));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u", "_s)));
        QVERIFY2(written == kFiles,
                 qPrintable(u"%1 of %2 writes; unresolved %3, unkeyed %4, overflows %5"_s.arg(written)
                                .arg(kFiles)
                                .arg(source.stats().unresolved)
                                .arg(source.stats().unkeyed)
                                .arg(source.stats().overflows)));
        QCOMPARE(source.stats().unresolved, 0);
        QCOMPARE(source.stats().malformed, 0);
    }

    // Directories created, written in and removed before their events are read: the accesses are named by where the
    // directories were (seen created by the name group), not lost.
    void writesInDirectoriesRemovedAtOnce()
    {
        CollectingSink sink;
        FanotifySource source;
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        if (source.stats().handleMarks == 0 || source.stats().namedMarks == 0)
            FLIGHT_SKIP("the fanotify access and name groups (Linux 5.17+) marked nothing");
        const QByteArray dir = QFile::encodeName(m_dir->path());
        constexpr int kDirectories = 50;
        for (int i = 0; i < kDirectories; ++i) {
            const QByteArray sub = dir + "/short-lived-" + QByteArray::number(i);
            QCOMPARE(::mkdir(sub.constData(), 0700), 0);
            QVERIFY(writeFile(QFile::decodeName(sub + "/f"), "x"));
            QCOMPARE(::unlink((sub + "/f").constData()), 0);
            QCOMPARE(::rmdir(sub.constData()), 0);
        }
        QTest::qWait(300);
        source.stop();
        const ProcKey self = keyOf(::getpid());
        for (int i = 0; i < kDirectories; ++i) {
            const QByteArray file = dir + "/short-lived-" + QByteArray::number(i) + "/f";
            const QList<FileAccess> found = accesses(sink, file);
            QByteArrayList seen; // to explain a failure
            for (const Event &e : sink.events()) {
                if (const auto *a = std::get_if<FileAccess>(&e.body); a && a->path.endsWith("/f"))
                    seen.append(QByteArray(fileOpName(a->op)) + ' ' + a->path.mid(dir.size()) + " by "
                                + QByteArray::number(a->proc.pid));
            }
            QVERIFY2(std::any_of(found.cbegin(), found.cend(),
                                 [&](const FileAccess &a) { return a.op == FileOp::Write && a.proc == self; }),
                     (file + " not written; unresolved " + QByteArray::number(source.stats().unresolved) + ", unkeyed "
                      + QByteArray::number(source.stats().unkeyed) + "; seen: " + seen.join(", "))
                         .constData());
        }
        QCOMPARE(source.stats().unresolved, 0);
    }

    void excludedPidIsNeverRecorded()
    {
        CollectingSink sink;
        FanotifyOptions options;
        options.excludePid = ::getpid();
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        const QString path = m_dir->filePath(u"own"_s), other = m_dir->filePath(u"by-a-child"_s);
        QVERIFY(writeFile(path, "mine"));
        // The shell lives on after its write, so that its pidfd still proves its key when the write is read.
        const QByteArray script = "echo theirs > '" + QFile::encodeName(other) + "'; sleep 0.3";
        char *argv[] = {const_cast<char *>("/bin/sh"), const_cast<char *>("-c"), const_cast<char *>(script.constData()),
                        nullptr};
        pid_t child = -1;
        QCOMPARE(posix_spawn(&child, argv[0], nullptr, nullptr, argv, environ), 0);
        ::waitpid(child, nullptr, 0);
        QTest::qWait(300);
        source.stop();
        QVERIFY(accesses(sink, QFile::encodeName(path)).isEmpty());
        QVERIFY2(!accesses(sink, QFile::encodeName(other)).isEmpty(), "the source saw nothing at all");
    }

    // accesses = false (the eBPF file source's name group): creates, deletes and renames only, no open or write.
    void nameGroupAlone()
    {
        CollectingSink sink;
        FanotifyOptions options;
        options.accesses = false;
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        QCOMPARE(source.stats().marks, 0);
        QVERIFY(source.stats().namedMarks > 0);
        QVERIFY2(!source.backend().reason.contains(u"opens"_s), qPrintable(source.backend().reason));
        const QString path = m_dir->filePath(u"named"_s), moved = m_dir->filePath(u"named-moved"_s);
        QVERIFY(writeFile(path, "x"));
        QFile read(path);
        QVERIFY(read.open(QIODevice::ReadOnly));
        read.close();
        QVERIFY(QFile::rename(path, moved));
        QVERIFY(QFile::remove(moved));
        QTest::qWait(300);
        source.stop();
        const QList<FileAccess> onPath = accesses(sink, QFile::encodeName(path));
        const auto has = [&](const QList<FileAccess> &list, FileOp op) {
            return std::any_of(list.cbegin(), list.cend(), [&](const FileAccess &a) { return a.op == op; });
        };
        QVERIFY(has(onPath, FileOp::Create));
        QVERIFY(has(onPath, FileOp::Rename));
        QVERIFY(has(accesses(sink, QFile::encodeName(moved)), FileOp::Delete));
        QVERIFY(!has(onPath, FileOp::Open));
        QVERIFY(!has(onPath, FileOp::Write));
    }

    void createsRenamesAndDeletesWithNames()
    {
        CollectingSink sink;
        FanotifyOptions options;
        const QByteArray dir = QFile::encodeName(m_dir->path()), excluded = dir + "/excluded";
        options.exclude.append(excluded);
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        if (source.stats().namedMarks == 0)
            FLIGHT_SKIP("fanotify name reporting (FAN_REPORT_DFID_NAME_TARGET, Linux 5.17+) unavailable");
        QVERIFY2(!source.backend().reason.contains(u"creates, deletes and renames are not captured"_s),
                 qPrintable(source.backend().reason));

        QVERIFY(writeFile(m_dir->filePath(u"a"_s), "one"));
        struct stat st = {};
        QCOMPARE(::stat((dir + "/a").constData(), &st), 0);
        QCOMPARE(::rename((dir + "/a").constData(), (dir + "/b").constData()), 0);
        QCOMPARE(::mkdir((dir + "/sub").constData(), 0700), 0);
        QCOMPARE(::rename((dir + "/b").constData(), (dir + "/sub/c").constData()), 0); // across directories
        QCOMPARE(::unlink((dir + "/sub/c").constData()), 0);
        QCOMPARE(::rmdir((dir + "/sub").constData()), 0);
        QCOMPARE(::mkdir(excluded.constData(), 0700), 0);
        QVERIFY(writeFile(QFile::decodeName(excluded + "/secret"), "x"));
        QCOMPARE(::rename((excluded + "/secret").constData(), (excluded + "/secret2").constData()), 0);
        QCOMPARE(::rename((excluded + "/secret2").constData(), (dir + "/moved-out").constData()), 0);
        QCOMPARE(::rename((dir + "/moved-out").constData(), (excluded + "/moved-in").constData()), 0);
        QTest::qWait(300);
        source.stop();

        // Creates and deletes are aggregated (delivered when their window closes), renames are not: compared as sets.
        const QList<NameChange> changes = nameChanges(sink, keyOf(::getpid()), dir);
        const QList<NameChange> expected{
            {FileOp::Create, dir + "/a", {}},         {FileOp::Rename, dir + "/a", dir + "/b"},
            {FileOp::Create, dir + "/sub/", {}},      {FileOp::Rename, dir + "/b", dir + "/sub/c"},
            {FileOp::Delete, dir + "/sub/c", {}},     {FileOp::Delete, dir + "/sub/", {}},
            {FileOp::Create, dir + "/moved-out", {}}, // renamed out of the excluded directory: seen as a create
            {FileOp::Delete, dir + "/moved-out", {}}, // and into it again: a delete
        };
        for (const NameChange &c : expected)
            QVERIFY2(changes.contains(c), describe(c).constData());
        QCOMPARE(changes.size(), expected.size());
        for (const Event &e : sink.events()) {
            if (const auto *a = std::get_if<FileAccess>(&e.body)) {
                QVERIFY2(!a->path.startsWith(excluded) && !a->to.value_or(QByteArray()).startsWith(excluded),
                         a->path.constData());
                if (a->op == FileOp::Rename && a->path == dir + "/a") {
                    QCOMPARE(a->dev, qint64(st.st_dev));
                    QVERIFY(!a->ino || *a->ino == qint64(st.st_ino)); // absent when gone before it was read
                }
            }
        }
        QCOMPARE(source.stats().malformed, 0);
    }

    void namesByTheExcludedPidAreNeverRecorded()
    {
        CollectingSink sink;
        FanotifyOptions options;
        options.excludePid = ::getpid();
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        if (source.stats().namedMarks == 0)
            FLIGHT_SKIP("fanotify name reporting (FAN_REPORT_DFID_NAME_TARGET, Linux 5.17+) unavailable");
        const QByteArray dir = QFile::encodeName(m_dir->path());
        QVERIFY(writeFile(m_dir->filePath(u"own"_s), "mine"));
        QCOMPARE(::rename((dir + "/own").constData(), (dir + "/own2").constData()), 0);
        QCOMPARE(::unlink((dir + "/own2").constData()), 0);
        // One process for all three, living on after them, so that its pidfd still proves its key when they are read.
        pid_t child = -1;
        QVERIFY(runPerl(
            "chdir '" + dir
                + "' or die; open(my $f, '>', 'theirs') or die; close $f; "
                  "rename('theirs', 'theirs2') or die; unlink('theirs2') or die; select(undef, undef, undef, 0.5)",
            child));
        source.stop();
        QCOMPARE(nameChanges(sink, keyOf(::getpid()), dir), QList<NameChange>());
        for (const Event &e : sink.events()) {
            if (const auto *a = std::get_if<FileAccess>(&e.body))
                QVERIFY2(!a->path.contains("/own"), a->path.constData());
        }
        QList<QByteArray> theirs;
        for (const Event &e : sink.events()) {
            if (const auto *a = std::get_if<FileAccess>(&e.body);
                a && a->proc.pid == child && a->proc.start > 0 && a->path.startsWith(dir + "/theirs"))
                theirs.append(QByteArray(fileOpName(a->op)) + ' ' + a->path.mid(dir.size()));
        }
        QVERIFY2(theirs.contains("create /theirs") && theirs.contains("rename /theirs")
                     && theirs.contains("delete /theirs2"),
                 theirs.join(", ").constData());
    }

    // Accesses of processes gone before their events were read (forced: keyByPidfd off) are keyed from the process
    // events, once those are complete up to the read; without that promise they are losses after keyWait.
    void accessesOfEndedProcessesKeyedFromProcessEvents()
    {
        const auto lifetimes = std::make_shared<ProcessLifetimes>(1'000'000'000 / ::sysconf(_SC_CLK_TCK));
        const ProcKey self = keyOf(::getpid());
        ProcSnapshot selfSnapshot;
        selfSnapshot.proc = self;
        lifetimes->note({0, boottimeNs(), selfSnapshot});
        CollectingSink sink;
        FanotifyOptions options;
        options.lifetimes = lifetimes;
        options.keyByPidfd = false;
        options.keyWait = std::chrono::milliseconds(400);
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        if (source.stats().namedMarks == 0)
            FLIGHT_SKIP("fanotify name reporting (FAN_REPORT_DFID_NAME_TARGET, Linux 5.17+) unavailable");

        const QByteArray dir = QFile::encodeName(m_dir->path());
        QVERIFY(writeFile(m_dir->filePath(u"mine"_s), "x"));
        QList<ProcKey> removers;
        for (int i = 0; i < 5; ++i) { // rm lives a millisecond; its key is read while it is a zombie
            const QByteArray file = dir + "/gone-" + QByteArray::number(i);
            QVERIFY(writeFile(QFile::decodeName(file), "x"));
            char *argv[] = {const_cast<char *>("/bin/rm"), const_cast<char *>(file.constData()), nullptr};
            pid_t child = -1;
            QCOMPARE(posix_spawn(&child, argv[0], nullptr, nullptr, argv, environ), 0);
            siginfo_t info = {};
            QCOMPARE(::waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT), 0);
            removers.append(keyOf(child));
            QVERIFY(removers.last().start > 0);
            lifetimes->note({0, boottimeNs(), ProcFork{removers.last(), self, {}}});
            lifetimes->note({0, boottimeNs(), ProcExit{removers.last(), 0, {}, false}});
            ::waitpid(child, nullptr, 0);
        }
        QTest::qWait(100);
        QCOMPARE(source.stats().keyedLate, 0); // nothing is keyed before the process events are complete
        lifetimes->noteComplete(boottimeNs());
        QTRY_VERIFY(source.stats().keyedLate >= 6);

        // Without the promise: a loss once keyWait has passed.
        QVERIFY(writeFile(m_dir->filePath(u"unpromised"_s), "x"));
        QTest::qWait(700);
        source.stop();

        QVERIFY(!nameChanges(sink, self, dir).isEmpty()); // created "mine" and the files rm removed
        for (int i = 0; i < 5; ++i) {
            const QByteArray file = dir + "/gone-" + QByteArray::number(i);
            QCOMPARE(nameChanges(sink, removers[i], dir), (QList<NameChange>{{FileOp::Delete, file, {}}}));
        }
        QVERIFY(accesses(sink, dir + "/unpromised").isEmpty());
        QVERIFY(source.stats().unkeyed > 0);
        const QList<Event> events = sink.events();
        const bool lossReported = std::any_of(events.cbegin(), events.cend(), [](const Event &e) {
            const auto *loss = std::get_if<RecorderLoss>(&e.body);
            return loss && loss->source == u"file.fanotify"_s && loss->reason.value_or(QString()).contains(u"ended"_s);
        });
        QVERIFY(lossReported);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestFanotifySource)
#include "tst_fanotifysource.moc"
