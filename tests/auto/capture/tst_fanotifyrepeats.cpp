// SPDX-License-Identifier: GPL-3.0-or-later
// fanotify file capture on the live host (root), a process reopening one file: the opens folded into one event; with
// file_ignore_repeats, an ignore mark that hides other processes' opens of that file (not their other accesses) for
// the aggregation window, and is lifted after it.
#include "fanotifysource.h"
#include "fanotifytesting.h"
#include "skip.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace FanotifyTesting;

namespace {

// file_ignore_repeats over `dir` alone. Files elsewhere are left out, so that the only ignore marks are those of the
// test's files: a process on the machine that reopens a file of its own (a compiler, ccache, a daemon) would have its
// file marked too, and stats().ignoreMarks, the only sign that a mark was made, would not say whose it was.
FanotifyOptions ignoringRepeatsIn(const QTemporaryDir &dir, std::chrono::milliseconds window)
{
    FanotifyOptions options;
    options.include = {QFile::encodeName(dir.path())};
    options.exclude = {"/"};
    options.aggregateWindow = window;
    options.ignoreRepeats = true;
    return options;
}

// Opens `path` in bursts until `source` (ignoringRepeatsIn) has given it an ignore mark; false after 10 s.
bool reopenUntilIgnored(const FanotifySource &source, const QString &path)
{
    for (int burst = 0; burst < 500 && source.stats().ignoreMarks == 0; ++burst) {
        for (int i = 0; i < 100; ++i) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return false;
        }
        QTest::qWait(20);
    }
    return source.stats().ignoreMarks > 0;
}

} // namespace

class TestFanotifyRepeats : public QObject
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

    void repeatedOpensAreFolded()
    {
        CollectingSink sink;
        FanotifyOptions options;
        options.aggregateWindow = std::chrono::seconds(30);
        FanotifySource source(options);
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

    // file_ignore_repeats: a file this process reopens in a loop gets an ignore mark; until it is lifted, another
    // process's open of it is not seen (the documented cost), while that process's other accesses are.
    void ignoredRepeatsHideOtherOpenersForAWindow()
    {
        CollectingSink sink;
        FanotifySource source(ignoringRepeatsIn(*m_dir, std::chrono::seconds(30)));
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        QVERIFY2(source.backend().reason.contains(u"file_ignore_repeats"_s), qPrintable(source.backend().reason));
        const QString path = m_dir->filePath(u"hot"_s), other = m_dir->filePath(u"other"_s);
        QVERIFY(writeFile(path, "read me"));
        QVERIFY(reopenUntilIgnored(source, path));
        pid_t child = -1;
        QVERIFY(runPerl("open(my $f, '<', '" + QFile::encodeName(path) + "') or die; close $f; open($f, '>', '"
                            + QFile::encodeName(other) + "') or die; print $f 1; close $f; select(undef, undef, undef, 0.5);",
                        child));
        QTest::qWait(300);
        source.stop();
        bool childWrote = false;
        for (const FileAccess &a : accesses(sink, QFile::encodeName(path)))
            QVERIFY2(a.proc.pid != child, "the other process's open was seen while the file was ignored");
        for (const FileAccess &a : accesses(sink, QFile::encodeName(other)))
            childWrote |= a.proc.pid == child && a.op == FileOp::Write;
        QVERIFY2(childWrote, "the other process's write of another file was not seen");
        QCOMPARE(source.stats().ignoreMarks, qint64(1)); // the hot file's, and no other
    }

    void ignoreMarksAreLiftedAfterTheWindow()
    {
        CollectingSink sink;
        FanotifySource source(ignoringRepeatsIn(*m_dir, std::chrono::milliseconds(400)));
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        const QString path = m_dir->filePath(u"hot"_s);
        QVERIFY(writeFile(path, "read me"));
        QVERIFY(reopenUntilIgnored(source, path));
        QTest::qWait(1200); // the window, and the reader's poll interval, passed
        pid_t child = -1;
        QVERIFY(runPerl("open(my $f, '<', '" + QFile::encodeName(path)
                            + "') or die; close $f; select(undef, undef, undef, 0.5);",
                        child));
        QTest::qWait(300);
        source.stop();
        bool seen = false;
        for (const FileAccess &a : accesses(sink, QFile::encodeName(path)))
            seen |= a.proc.pid == child && a.op == FileOp::Open;
        QVERIFY2(seen, "an open after the window was not seen");
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestFanotifyRepeats)
#include "tst_fanotifyrepeats.moc"
