// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF file source on the live kernel (root): the kernel's aggregation gives exact counts across window boundaries
// (three windows of 3, 5 and 7 opens) and 10,000 opens of one file by one process become one event with count 10,000;
// two processes opening one file are two events with their own keys; a close after writing is a write with device and
// inode; the exec of a copied binary is an exec by the process that ran it; an excluded path is absent; creates,
// deletes and renames still come from fanotify's name group. And, on any kernel with BTF, the programs' bodies pass the
// verifier (loaded on a tracepoint: fileverify.bpf.c), which the live tests cannot show where trampolines are refused.
#include "collectingsink.h"
#include "ebpffilesource.h"
#include "fileverify.skel.h"
#include "livetest.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace SpawnHelpers;

namespace {

// Starts `source`; skips when this kernel refuses fentry/fexit programs to the process (raw tracepoints may still
// load: the process and network sources run), fails on any other error.
#define START_FILE_OR_SKIP(source, sink)                                                                               \
    do {                                                                                                               \
        const auto started = (source).start(sink);                                                                     \
        if (!started && started.error().message.contains(u"loading the file programs"_s)                               \
            && started.error().message.contains(u"not permitted"_s))                                                   \
            QSKIP("this kernel refuses fentry/fexit programs (BPF trampolines) to this process: the eBPF file backend "  \
                  "cannot run here, file_backend = auto falls back to fanotify");                                      \
        QVERIFY2(started, qPrintable(started.error().message));                                                        \
    } while (false)

void openTimes(const QByteArray &path, int times)
{
    for (int i = 0; i < times; ++i) {
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            ::close(fd);
    }
}

QList<FileAccess> accessesOf(const CollectingSink &sink, const QByteArray &path, FileOp op)
{
    return sink.all<FileAccess>([&](const FileAccess &a) { return a.path == path && a.op == op; });
}

qint64 countOf(const FileAccess &a)
{
    return a.repeat ? a.repeat->count : 1;
}

} // namespace

class TestEbpfFileSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        QVERIFY(m_dir.isValid());
    }

    void programsPassTheVerifier()
    {
        fileverify_bpf *skel = fileverify_bpf__open();
        QVERIFY(skel);
        skel->rodata->self_tgid = 1;
        const int loaded = fileverify_bpf__load(skel);
        fileverify_bpf__destroy(skel);
        QVERIFY2(loaded == 0, "the file programs do not pass the verifier (`bpftool -d prog loadall "
                              "fileverify.bpf.o /sys/fs/bpf/x` in the build's collector/capture/ebpf shows its log)");
    }

    void countsAreExactAcrossWindows()
    {
        CollectingSink sink;
        EbpfFileOptions options;
        options.aggregateWindow = std::chrono::milliseconds(300);
        EbpfFileSource source(options);
        START_FILE_OR_SKIP(source, sink);
        const QByteArray path = QFile::encodeName(m_dir.filePath(u"windows"_s));
        QVERIFY(QFile(QString::fromUtf8(path)).open(QIODevice::WriteOnly));
        QTest::qWait(700); // the create's open and write are in a closed window
        for (int burst : {3, 5, 7}) {
            openTimes(path, burst);
            QTest::qWait(700);
        }
        source.stop();
        const ProcKey self = selfKey();
        QList<qint64> counts;
        for (const FileAccess &a : accessesOf(sink, path, FileOp::Open)) {
            if (a.proc == self)
                counts.append(countOf(a));
        }
        QCOMPARE(counts, (QList<qint64>{1, 3, 5, 7}));
    }

    void tenThousandOpensAreOneEvent()
    {
        CollectingSink sink;
        EbpfFileSource source;
        START_FILE_OR_SKIP(source, sink);
        const QByteArray path = QFile::encodeName(m_dir.filePath(u"hot"_s));
        QVERIFY(QFile(QString::fromUtf8(path)).open(QIODevice::WriteOnly));
        QTest::qWait(2100);
        openTimes(path, 10000);
        source.stop();
        const ProcKey self = selfKey();
        QList<FileAccess> opens;
        for (const FileAccess &a : accessesOf(sink, path, FileOp::Open)) {
            if (a.proc == self && countOf(a) > 1)
                opens.append(a);
        }
        QCOMPARE(opens.size(), 1);
        QCOMPARE(countOf(opens.first()), 10000);
        QVERIFY(opens.first().repeat->lastMono > 0);
        QCOMPARE(source.stats().uncounted, 0);
    }

    void processesWritesExecsAndExclusions()
    {
        CollectingSink sink;
        EbpfFileOptions options;
        options.exclude.append(QFile::encodeName(m_dir.filePath(u"excluded"_s)));
        EbpfFileSource source(options);
        START_FILE_OR_SKIP(source, sink);
        QVERIFY(source.backend().reason.isEmpty() || !source.backend().degraded);

        const QByteArray shared = QFile::encodeName(m_dir.filePath(u"shared"_s));
        QFile create(QString::fromUtf8(shared));
        QVERIFY(create.open(QIODevice::WriteOnly));
        QCOMPARE(create.write("evidence"), qint64(8));
        create.close();
        struct stat st = {};
        QCOMPARE(::stat(shared.constData(), &st), 0);

        // Two processes open the shared file: each is its own event.
        QList<ProcKey> openers;
        for (int i = 0; i < 2; ++i) {
            const pid_t child = spawn({"/bin/cat", shared});
            QVERIFY(child > 0);
            QTRY_VERIFY(keyOf(child).has_value() && keyOf(child)->start > 0);
            openers.append(*keyOf(child));
            waitFor(child);
        }
        const QByteArray exe = QFile::encodeName(m_dir.filePath(u"copied-sleep"_s));
        QVERIFY(QFile::copy(u"/bin/sleep"_s, QString::fromUtf8(exe)));
        const pid_t runner = spawn({exe, "0.3"});
        QVERIFY(runner > 0);
        QTRY_VERIFY(keyOf(runner).has_value() && readProcStat(runner)->comm == u"copied-sleep"_s);
        const ProcKey runnerKey = *keyOf(runner);
        waitFor(runner);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"excluded"_s)));
        QFile secret(m_dir.filePath(u"excluded/secret"_s));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.close();
        const QByteArray renamedTo = QFile::encodeName(m_dir.filePath(u"renamed"_s));
        QVERIFY(QFile::rename(QString::fromUtf8(shared), QString::fromUtf8(renamedTo)));
        QTest::qWait(300); // the name group reads its queue
        source.stop();

        const ProcKey self = selfKey();
        const auto writes = accessesOf(sink, shared, FileOp::Write);
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.first().proc, self);
        QCOMPARE(writes.first().dev, std::optional<qint64>(qint64(st.st_dev)));
        QCOMPARE(writes.first().ino, std::optional<qint64>(qint64(st.st_ino)));
        for (const ProcKey &opener : openers) {
            const auto opens = sink.all<FileAccess>(
                [&](const FileAccess &a) { return a.path == shared && a.op == FileOp::Open && a.proc == opener; });
            QCOMPARE(opens.size(), 1);
        }
        const auto execs = accessesOf(sink, exe, FileOp::Exec);
        QCOMPARE(execs.size(), 1);
        QCOMPARE(execs.first().proc, runnerKey);
        QVERIFY(sink.all<FileAccess>([&](const FileAccess &a) { return a.path.contains("/excluded"); }).isEmpty());
        const auto renames = accessesOf(sink, shared, FileOp::Rename);
        QCOMPARE(renames.size(), 1);
        QCOMPARE(renames.first().to, std::optional<QByteArray>(renamedTo));
    }

    void ownAccessesAreLeftOut()
    {
        CollectingSink sink;
        EbpfFileOptions options;
        options.excludePid = ::getpid();
        EbpfFileSource source(options);
        START_FILE_OR_SKIP(source, sink);
        const QByteArray path = QFile::encodeName(m_dir.filePath(u"own"_s));
        QVERIFY(QFile(QString::fromUtf8(path)).open(QIODevice::WriteOnly));
        openTimes(path, 10);
        const pid_t child = spawn({"/bin/cat", path});
        QVERIFY(child > 0);
        waitFor(child);
        source.stop();
        const auto opens = accessesOf(sink, path, FileOp::Open);
        QCOMPARE(opens.size(), 1); // cat's
        QVERIFY(opens.first().proc != selfKey());
    }

private:
    QTemporaryDir m_dir{u"/var/tmp/flightrec-ebpffile-XXXXXX"_s};
};

QTEST_GUILESS_MAIN(TestEbpfFileSource)
#include "tst_ebpffilesource.moc"
