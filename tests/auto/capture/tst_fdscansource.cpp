// SPDX-License-Identifier: GPL-3.0-or-later
// The /proc fd-scan fallback on the live system: files this process holds open are reported once, with its key,
// `write` when opened for writing and `open` otherwise; excluded paths, sockets and pipes are not; a file opened
// while the source runs is found by the next scan; the excluded pid is left out.
#include "collectingsink.h"
#include "fdscansource.h"
#include "procfs.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

ProcKey selfKey()
{
    const auto stat = readProcStat(::getpid());
    return stat ? ProcKey{::getpid(), stat->startTicks} : ProcKey{};
}

QList<FileAccess> accessesOf(const QList<Event> &events, const QByteArray &path)
{
    QList<FileAccess> found;
    for (const Event &e : events) {
        if (const auto *f = std::get_if<FileAccess>(&e.body); f && f->path == path)
            found.append(*f);
    }
    return found;
}

} // namespace

class TestFdScanSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openFilesOnceWithKeyAndMode()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray base = QFile::encodeName(QFileInfo(dir.path()).canonicalFilePath());
        const QByteArray readPath = base + "/read.txt", writePath = base + "/write.txt";
        const QByteArray hiddenPath = base + "/hidden/secret.txt";
        QVERIFY(QDir(dir.path()).mkpath(u"hidden"_s));
        QFile(QFile::decodeName(readPath)).open(QIODevice::WriteOnly);
        const int reading = ::open(readPath.constData(), O_RDONLY | O_CLOEXEC);
        const int writing = ::open(writePath.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        const int hidden = ::open(hiddenPath.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        int pair[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
        QVERIFY(reading >= 0 && writing >= 0 && hidden >= 0);

        FdScanOptions options;
        options.exclude = {base + "/hidden"};
        FdScanSource source(u"fanotify: not permitted"_s, options);
        QList<Event> first;
        source.scan(first);
        const ProcKey self = selfKey();
        const auto read = accessesOf(first, readPath);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().proc, self);
        QCOMPARE(read.first().op, FileOp::Open);
        QVERIFY(read.first().ino.has_value() && *read.first().ino > 0);
        const auto written = accessesOf(first, writePath);
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().op, FileOp::Write);
        QVERIFY(accessesOf(first, hiddenPath).isEmpty());
        for (const Event &e : first) {
            if (const auto *f = std::get_if<FileAccess>(&e.body))
                QVERIFY2(f->path.startsWith('/') && !f->path.startsWith("socket:"), f->path.constData());
        }

        QList<Event> second;
        source.scan(second);
        QVERIFY(accessesOf(second, readPath).isEmpty()); // still the same open file: not again
        QVERIFY(accessesOf(second, writePath).isEmpty());
        for (int fd : {reading, writing, hidden, pair[0], pair[1]})
            ::close(fd);

        QCOMPARE(source.backend().backend, u"fdscan"_s);
        QVERIFY(source.backend().degraded);
        QVERIFY(source.backend().reason.startsWith(u"fanotify: not permitted; "_s));
    }

    void fileOpenedWhileRunningIsFoundByTheNextScan()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(QFileInfo(dir.path()).canonicalFilePath()) + "/late.txt";
        FdScanOptions options;
        options.interval = std::chrono::milliseconds(50);
        FdScanSource source({}, options);
        CollectingSink sink;
        QVERIFY(source.start(sink));
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        QElapsedTimer timer;
        timer.start();
        while (accessesOf(sink.events(), path).isEmpty() && timer.elapsed() < 3000)
            QTest::qWait(20);
        ::close(fd);
        source.stop();
        source.stop(); // twice is fine
        const auto found = accessesOf(sink.events(), path);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().op, FileOp::Write);
        QCOMPARE(found.first().proc, selfKey());
    }

    void excludedPidIsLeftOut()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(QFileInfo(dir.path()).canonicalFilePath()) + "/mine.txt";
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        FdScanOptions options;
        options.excludePid = ::getpid();
        FdScanSource source({}, options);
        QList<Event> events;
        source.scan(events);
        ::close(fd);
        QVERIFY(accessesOf(events, path).isEmpty());
        QVERIFY(!events.isEmpty()); // other processes' files are still there
    }

    void missingProcIsAnError()
    {
        FdScanOptions options;
        options.root = u"/nonexistent-root"_s;
        FdScanSource source({}, options);
        CollectingSink sink;
        const auto started = source.start(sink);
        QVERIFY(!started);
        QVERIFY(started.error().message.contains(u"/nonexistent-root/proc"_s));
    }
};

QTEST_GUILESS_MAIN(TestFdScanSource)
#include "tst_fdscansource.moc"
