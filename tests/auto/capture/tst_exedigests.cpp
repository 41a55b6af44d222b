// SPDX-License-Identifier: GPL-3.0-or-later
// exe_digest is only ever the digest of the file that was executed: from /proc/<pid>/exe of a live process whose
// start matches, or from the path when the kernel's identity of the executed file matches the file there; never for
// a reused pid or a replaced file; hashed once per file version.
#include "digest.h"
#include "exedigests.h"
#include "procfs.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

extern char **environ;

namespace {

QString digestOfFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? Blake2b256::hexHash(file.readAll()) : QString();
}

ExecutedFile identityOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {quint64(st.st_ino), qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
            qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
}

// A sleeping child running a copy of sleep(1) at `path`; its key.
struct Sleeper
{
    explicit Sleeper(const QString &path)
    {
        const QByteArray exe = QFile::encodeName(path);
        char *argv[] = {const_cast<char *>(exe.constData()), const_cast<char *>("30"), nullptr};
        if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv, environ) != 0)
            pid = -1;
    }
    ~Sleeper()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
    std::optional<ProcKey> key() const
    {
        // Wait for the exec to have happened (the exe link then names the copy).
        for (int i = 0; i < 200; ++i) {
            const auto stat = readProcStat(pid);
            if (stat && stat->comm != u"tst_exedigests"_s)
                return ProcKey{pid, stat->startTicks};
            QTest::qWait(5);
        }
        return std::nullopt;
    }
    pid_t pid = -1;
};

} // namespace

class TestExeDigests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_exe = m_dir.filePath(u"sleeper"_s);
        QFile::remove(m_exe);
        QVERIFY(QFile::copy(u"/bin/sleep"_s, m_exe));
    }

    void liveProcessFromProcExe()
    {
        Sleeper sleeper(m_exe);
        const auto key = sleeper.key();
        QVERIFY(key);
        ExeDigests digests;
        QCOMPARE(digests.ofProcess(*key, u"/"_s, std::nullopt), digestOfFile(m_exe));
        QCOMPARE(digests.counters().hashed.load(), 1);
        QCOMPARE(digests.ofProcess(*key, u"/"_s, std::nullopt), digestOfFile(m_exe));
        QCOMPARE(digests.counters().cached.load(), 1);

        // The executed file is kept by the kernel even when its path is deleted: still the right digest.
        const QString expected = digestOfFile(m_exe);
        QVERIFY(QFile::remove(m_exe));
        ExeDigests fresh;
        QCOMPARE(fresh.ofProcess(*key, u"/"_s, std::nullopt), expected);
    }

    void reusedPidLendsNothing()
    {
        Sleeper sleeper(m_exe);
        const auto key = sleeper.key();
        QVERIFY(key);
        ExeDigests digests;
        QCOMPARE(digests.ofProcess({key->pid, key->start - 1}, u"/"_s, QFile::encodeName(m_exe)), std::nullopt);
        QCOMPARE(digests.counters().unverified.load(), 1);
    }

    void goneProcessFromItsPathOnlyWhenTheKernelIdentityMatches()
    {
        const ProcKey gone{999999999, 1}; // no such pid
        const QByteArray path = QFile::encodeName(m_exe);
        const ExecutedFile executed = identityOf(m_exe);
        ExeDigests digests;
        QCOMPARE(digests.ofProcess(gone, u"/"_s, path, executed), digestOfFile(m_exe));
        QCOMPARE(digests.ofProcess(gone, u"/"_s, path, std::nullopt), std::nullopt); // nothing proves the file

        ExecutedFile other = executed;
        ++other.inode;
        QCOMPARE(digests.ofProcess(gone, u"/"_s, path, other), std::nullopt);
        other = executed;
        other.ctimeNs -= 1;
        QCOMPARE(digests.ofProcess(gone, u"/"_s, path, other), std::nullopt);
    }

    void fileWrittenInPlaceIsHashedAgain()
    {
        const ProcKey gone{999999999, 1};
        const QByteArray path = QFile::encodeName(m_exe);
        ExeDigests digests;
        const auto before = digests.ofProcess(gone, u"/"_s, path, identityOf(m_exe));
        QVERIFY(before);
        QFile file(m_exe);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(100) && file.write("patched") == 7);
        file.close();
        const auto after = digests.ofProcess(gone, u"/"_s, path, identityOf(m_exe));
        QVERIFY(after);
        QVERIFY(*after != *before);
        QCOMPARE(*after, digestOfFile(m_exe));
        QCOMPARE(digests.counters().hashed.load(), 2);
    }

    void largeFilesAreNotHashed()
    {
        ExeDigests digests(1024);
        QCOMPARE(digests.ofProcess({999999999, 1}, u"/"_s, QFile::encodeName(m_exe), identityOf(m_exe)), std::nullopt);
        QCOMPARE(digests.counters().tooLarge.load(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_exe;
};

QTEST_GUILESS_MAIN(TestExeDigests)
#include "tst_exedigests.moc"
