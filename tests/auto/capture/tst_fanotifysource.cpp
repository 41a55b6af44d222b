// SPDX-License-Identifier: GPL-3.0-or-later
// fanotify file capture on the live host (root): this process's writes and reads, the exec of a copied binary by a
// child, each with the right process key, path, device and inode; nothing from excluded paths or from the excluded
// (collector's) pid; repeated opens folded into one event.
#include "collectingsink.h"
#include "fanotifysource.h"
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

extern char **environ;

namespace {

ProcKey keyOf(qint64 pid)
{
    const auto stat = readProcStat(pid);
    return stat ? ProcKey{pid, stat->startTicks} : ProcKey{};
}

QList<FileAccess> accesses(const CollectingSink &sink, const QByteArray &path)
{
    QList<FileAccess> found;
    for (const Event &e : sink.events()) {
        if (const auto *a = std::get_if<FileAccess>(&e.body); a && a->path == path)
            found.append(*a);
    }
    return found;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
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

    void accessesWithKeysPathsAndInodes()
    {
        CollectingSink sink;
        FanotifyOptions options;
        options.exclude.append(QFile::encodeName(m_dir->filePath(u"excluded"_s)));
        FanotifySource source(options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        QVERIFY(source.stats().marks > 0);

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

    void excludedPidIsNeverRecorded()
    {
        CollectingSink sink;
        FanotifySource source({.excludePid = ::getpid()});
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        const QString path = m_dir->filePath(u"own"_s), other = m_dir->filePath(u"by-a-child"_s);
        QVERIFY(writeFile(path, "mine"));
        const QByteArray script = "echo theirs > '" + QFile::encodeName(other) + "'";
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

    void repeatedOpensAreFolded()
    {
        CollectingSink sink;
        FanotifySource source({.aggregateWindow = std::chrono::seconds(30)});
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        const QString path = m_dir->filePath(u"hot"_s);
        QVERIFY(writeFile(path, "read me"));
        for (int i = 0; i < 10000; ++i) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
        }
        source.stop();
        const ProcKey self = keyOf(::getpid());
        QList<FileAccess> opens;
        for (const FileAccess &a : accesses(sink, QFile::encodeName(path))) {
            if (a.op == FileOp::Open && a.proc == self)
                opens.append(a);
        }
        QCOMPARE(opens.size(), 1);
        const qint64 count = opens[0].repeat ? opens[0].repeat->count : 1;
        qInfo("10000 opens of one file: one event, count %lld (fanotify merges queued events: a lower bound)", count);
        QVERIFY(count >= 1 && count <= 10000);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestFanotifySource)
#include "tst_fanotifysource.moc"
