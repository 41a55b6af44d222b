// SPDX-License-Identifier: GPL-3.0-or-later
// FileCountWindows against a real BPF hash map of file.bpf.c's layout (root: creating a map needs CAP_BPF), with the
// kernel's side played by the test exactly as file.bpf.c does it: an access adds to its key's entry, or creates the
// entry and writes a record. Checked: exact counts across window boundaries (three windows of 3, 5 and 7 accesses),
// first and last times; two processes on one file are two events; exec and close-after-write keep their operation;
// the filter drops a path but its entry is still taken; a path the kernel could not read becomes rec.loss with the
// count; records of a full map (FLIGHT_FILE_UNCOUNTED) are folded in userspace; malformed records are refused.
#include "bootclock.h"
#include "filecountwindows.h"
#include "filerecord.h"
#include "skip.h"

#include <QTest>
#include <cstddef>
#include <cstring>
#include <linux/bpf.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

constexpr qint64 kWindowNs = 1'000'000'000;
constexpr qint64 kNsPerTick = 10'000'000;

long bpfCall(int command, bpf_attr &attr)
{
    return ::syscall(SYS_bpf, command, &attr, sizeof attr);
}

// The kernel's half, as file.bpf.c does it, on a real map.
class Kernel
{
public:
    Kernel()
    {
        bpf_attr attr = {};
        attr.map_type = BPF_MAP_TYPE_HASH;
        attr.key_size = sizeof(flight_file_key);
        attr.value_size = sizeof(flight_file_count);
        attr.max_entries = 64;
        attr.map_flags = BPF_F_NO_PREALLOC;
        fd = int(bpfCall(BPF_MAP_CREATE, attr));
    }
    ~Kernel()
    {
        if (fd >= 0)
            ::close(fd);
    }

    // One access at `mono`; the record it writes, or an empty one when it only added to a count.
    QByteArray access(const flight_file_key &key, quint64 mono, const QByteArray &path, quint32 flags = 0)
    {
        flight_file_count count = {};
        if (lookup(key, count)) {
            ++count.count;
            count.last_ns = mono;
            update(key, count);
            return {};
        }
        if (!(flags & FLIGHT_FILE_UNCOUNTED)) {
            count = {1, mono, mono};
            update(key, count);
        }
        flight_file_record head = {};
        head.kind = FLIGHT_RECORD_FILE;
        head.mono_ns = mono;
        head.key = key;
        head.flags = flags;
        head.path_off = 0;
        head.path_len = quint16(path.size());
        const qsizetype headSize = offsetof(flight_file_record, data);
        head.size = quint32(headSize + FLIGHT_PATH_MAX);
        QByteArray record(reinterpret_cast<const char *>(&head), headSize);
        record.append(path);
        record.append(QByteArray(FLIGHT_PATH_MAX - path.size(), '\0'));
        return record;
    }

    bool lookup(const flight_file_key &key, flight_file_count &count)
    {
        bpf_attr attr = {};
        attr.map_fd = quint32(fd);
        attr.key = quint64(reinterpret_cast<quintptr>(&key));
        attr.value = quint64(reinterpret_cast<quintptr>(&count));
        return bpfCall(BPF_MAP_LOOKUP_ELEM, attr) == 0;
    }

    void update(const flight_file_key &key, const flight_file_count &count)
    {
        bpf_attr attr = {};
        attr.map_fd = quint32(fd);
        attr.key = quint64(reinterpret_cast<quintptr>(&key));
        attr.value = quint64(reinterpret_cast<quintptr>(&count));
        attr.flags = BPF_ANY;
        QCOMPARE(bpfCall(BPF_MAP_UPDATE_ELEM, attr), 0L);
    }

    int fd = -1;
};

flight_file_key keyOf(quint32 pid, quint32 op, quint64 ino = 77)
{
    flight_file_key key = {};
    key.proc.pid = pid;
    key.proc.start_ns = quint64(pid) * 1000 * kNsPerTick;
    key.ino = ino;
    key.dev = (8u << 20) | 3u; // 8:3
    key.op = op;
    return key;
}

QList<FileAccess> accessesIn(const QList<Event> &events)
{
    QList<FileAccess> found;
    for (const Event &e : events) {
        if (const auto *a = std::get_if<FileAccess>(&e.body))
            found.append(*a);
    }
    return found;
}

} // namespace

class TestFileCountWindows : public QObject
{
    Q_OBJECT

private:
    // Feeds `count` accesses of `key` starting at `mono`, one per ms, to the kernel and the windows.
    void accesses(Kernel &kernel, FileCountWindows &windows, const flight_file_key &key, int count, qint64 mono,
                  const QByteArray &path, QList<Event> &out, quint32 flags = 0)
    {
        for (int i = 0; i < count; ++i) {
            const QByteArray record = kernel.access(key, quint64(mono + i * 1'000'000), path, flags);
            if (!record.isEmpty())
                QVERIFY(windows.add(record, m_clock, out));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: creating a BPF map needs CAP_BPF");
    }

    void countsAreExactAcrossWindows()
    {
        Kernel kernel;
        QVERIFY(kernel.fd >= 0);
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs), PathFilter({}, {}), kNsPerTick);
        const flight_file_key key = keyOf(100, FLIGHT_FILE_OPEN);
        QList<Event> out;
        const qint64 starts[] = {10 * kWindowNs, 12 * kWindowNs, 14 * kWindowNs};
        const int counts[] = {3, 5, 7};
        for (int w = 0; w < 3; ++w) {
            accesses(kernel, windows, key, counts[w], starts[w], "/var/tmp/a", out);
            QCOMPARE(windows.pending(), 1);
            windows.close(starts[w] + kWindowNs - 1, m_clock, out); // not yet
            QVERIFY(accessesIn(out).size() == w);
            windows.close(starts[w] + kWindowNs, m_clock, out);
            QCOMPARE(windows.pending(), 0);
        }
        const QList<FileAccess> found = accessesIn(out);
        QCOMPARE(found.size(), 3);
        for (int w = 0; w < 3; ++w) {
            QCOMPARE(found[w].path, QByteArray("/var/tmp/a"));
            QCOMPARE(found[w].op, FileOp::Open);
            QCOMPARE(found[w].proc, (ProcKey{100, 100 * 1000}));
            QCOMPARE(found[w].dev, std::optional<qint64>(qint64(makedev(8, 3))));
            QCOMPARE(found[w].ino, std::optional<qint64>(77));
            QVERIFY(found[w].repeat);
            QCOMPARE(found[w].repeat->count, qint64(counts[w]));
            QCOMPARE(out[w].mono, starts[w]);
            QCOMPARE(found[w].repeat->lastMono, starts[w] + (counts[w] - 1) * 1'000'000);
            QCOMPARE(out[w].ts, m_clock.toRealtime(starts[w]));
        }
        flight_file_count left = {};
        QVERIFY2(!kernel.lookup(key, left), "the window's entry is still in the kernel's map");
    }

    void aSingleAccessHasNoRepeat()
    {
        Kernel kernel;
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs), PathFilter({}, {}), kNsPerTick);
        QList<Event> out;
        accesses(kernel, windows, keyOf(5, FLIGHT_FILE_OPEN), 1, kWindowNs, "/var/tmp/once", out);
        windows.closeAll(m_clock, out);
        QCOMPARE(accessesIn(out).size(), 1);
        QCOMPARE(accessesIn(out).first().repeat, std::nullopt);
    }

    void processesAndOperationsAreSeparate()
    {
        Kernel kernel;
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs), PathFilter({}, {}), kNsPerTick);
        QList<Event> out;
        accesses(kernel, windows, keyOf(200, FLIGHT_FILE_OPEN), 4, kWindowNs, "/var/tmp/shared", out);
        accesses(kernel, windows, keyOf(201, FLIGHT_FILE_OPEN), 2, kWindowNs, "/var/tmp/shared", out);
        accesses(kernel, windows, keyOf(201, FLIGHT_FILE_WRITE), 1, kWindowNs, "/var/tmp/shared", out);
        accesses(kernel, windows, keyOf(202, FLIGHT_FILE_EXEC, 99), 1, kWindowNs, "/var/tmp/tool", out);
        QCOMPARE(windows.pending(), 4);
        windows.closeAll(m_clock, out);
        const QList<FileAccess> found = accessesIn(out);
        QCOMPARE(found.size(), 4);
        QCOMPARE(found[0].proc.pid, 200);
        QCOMPARE(found[0].repeat->count, 4);
        QCOMPARE(found[1].proc.pid, 201);
        QCOMPARE(found[1].repeat->count, 2);
        QCOMPARE(found[2].op, FileOp::Write);
        QCOMPARE(found[3].op, FileOp::Exec);
        QCOMPARE(found[3].path, QByteArray("/var/tmp/tool"));
    }

    void filteredPathsAreTakenAndDropped()
    {
        Kernel kernel;
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs),
                                 PathFilter({"/var/tmp/x/kept"}, {"/var/tmp/x"}), kNsPerTick);
        QList<Event> out;
        const flight_file_key dropped = keyOf(300, FLIGHT_FILE_OPEN, 1), kept = keyOf(300, FLIGHT_FILE_OPEN, 2);
        accesses(kernel, windows, dropped, 3, kWindowNs, "/var/tmp/x/secret", out);
        accesses(kernel, windows, kept, 1, kWindowNs, "/var/tmp/x/kept/file", out);
        windows.closeAll(m_clock, out);
        QCOMPARE(accessesIn(out).size(), 1);
        QCOMPARE(accessesIn(out).first().path, QByteArray("/var/tmp/x/kept/file"));
        flight_file_count left = {};
        QVERIFY2(!kernel.lookup(dropped, left), "a filtered path's entry would count forever");
    }

    void unreadablePathIsALossWithItsCount()
    {
        Kernel kernel;
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs), PathFilter({}, {}), kNsPerTick);
        QList<Event> out;
        accesses(kernel, windows, keyOf(400, FLIGHT_FILE_WRITE), 6, kWindowNs, {}, out,
                 FLIGHT_FILE_PATH_INCOMPLETE);
        windows.closeAll(m_clock, out);
        QCOMPARE(out.size(), 1);
        const auto *loss = std::get_if<RecorderLoss>(&out.first().body);
        QVERIFY(loss);
        QCOMPARE(loss->source, u"file.ebpf"_s);
        QCOMPARE(loss->count, 6);
    }

    void uncountedRecordsAreFoldedInUserspace()
    {
        Kernel kernel;
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs), PathFilter({}, {}), kNsPerTick);
        QList<Event> out;
        accesses(kernel, windows, keyOf(500, FLIGHT_FILE_OPEN), 9, kWindowNs, "/var/tmp/full", out,
                 FLIGHT_FILE_UNCOUNTED);
        QCOMPARE(windows.pending(), 0);
        windows.close(2 * kWindowNs, m_clock, out);
        QCOMPARE(accessesIn(out).size(), 1);
        QCOMPARE(accessesIn(out).first().repeat->count, 9);
    }

    void malformedRecordsAreRefused()
    {
        Kernel kernel;
        FileCountWindows windows(kernel.fd, std::chrono::nanoseconds(kWindowNs), PathFilter({}, {}), kNsPerTick);
        QList<Event> out;
        QByteArray record = kernel.access(keyOf(600, FLIGHT_FILE_OPEN), 1, "/var/tmp/m");
        QVERIFY(!windows.add(record.left(20), m_clock, out));
        QVERIFY(!windows.add(record.left(record.size() - 1), m_clock, out)); // shorter than its size field
        QByteArray badOp = record;
        const quint32 op = 9;
        std::memcpy(badOp.data() + offsetof(flight_file_record, key) + offsetof(flight_file_key, op), &op, sizeof op);
        QVERIFY(!windows.add(badOp, m_clock, out));
        QByteArray badPath = record;
        const quint16 len = FLIGHT_PATH_MAX;
        const quint16 off = 1;
        std::memcpy(badPath.data() + offsetof(flight_file_record, path_off), &off, sizeof off);
        std::memcpy(badPath.data() + offsetof(flight_file_record, path_len), &len, sizeof len);
        QVERIFY(!windows.add(badPath, m_clock, out));
        QVERIFY(windows.add(record, m_clock, out));
        QCOMPARE(windows.pending(), 1);
    }

private:
    BootClock m_clock;
};

QTEST_GUILESS_MAIN(TestFileCountWindows)
#include "tst_filecountwindows.moc"
