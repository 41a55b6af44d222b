// SPDX-License-Identifier: GPL-3.0-or-later
#include "ebpffilesource.h"

#include "bootclock.h"
#include "bpfsupport.h"
#include "fanotifysource.h"
#include "file.skel.h"
#include "filecountwindows.h"
#include "hostinfo.h"
#include "lossreader.h"
#include "mountinfo.h"

#include <QSet>
#include <atomic>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Flight::Capture {

namespace {

// The programs wake the consumer only when a quarter of the ring buffer is in use; otherwise it finds the records
// after at most this long. Windows are closed as often.
constexpr auto kPollTimeout = 20ms;

// The kernel's dev_t (MKDEV: major << 20 | minor) of every filesystem file capture covers.
Expected<QSet<quint32>> capturedDevices()
{
    auto mounts = readMountInfo();
    if (!mounts)
        return mounts.error();
    QSet<quint32> devices;
    for (const Mount &mount : *mounts)
        if (isCapturedFilesystem(mount.type))
            devices.insert((mount.major << 20) | (mount.minor & 0xfffff));
    return devices;
}

} // namespace

struct EbpfFileSource::State
{
    State(EventSink &target, const EbpfFileOptions &options)
        : sink(target)
        , lossInterval(options.lossPollInterval)
    {
    }
    ~State()
    {
        ring_buffer__free(ring);
        file_bpf__destroy(skel);
        if (mountinfo >= 0)
            ::close(mountinfo);
    }

    static int onRecord(void *context, void *data, size_t size)
    {
        auto *self = static_cast<State *>(context);
        self->records.fetch_add(1, std::memory_order_relaxed);
        auto added = self->windows->add(QByteArrayView(static_cast<const char *>(data), qsizetype(size)),
                                        self->clock, self->out);
        if (!added) {
            qCWarning(lcEbpf, "dropping a file ring buffer record: %s", qPrintable(added.error().message));
            const qint64 now = boottimeNs();
            self->out.append({self->clock.toRealtime(now), now,
                              Format::RecorderLoss{u"file.ebpf"_s,
                                                   1,
                                                   Format::LossUnit::Events,
                                                   u"undecodable record: %1"_s.arg(added.error().message),
                                                   {},
                                                   {},
                                                   {},
                                                   {}}});
        }
        return 0;
    }

    // Puts the filesystems mounted now into the kernel's `devices` map and takes out the unmounted ones.
    Expected<void> syncDevices()
    {
        auto now = capturedDevices();
        if (!now)
            return now.error();
        const int fd = bpf_map__fd(skel->maps.devices);
        const quint8 one = 1;
        for (quint32 device : *now) {
            if (!devices.contains(device) && bpf_map_update_elem(fd, &device, &one, BPF_ANY) != 0)
                return Error{u"bpf: adding device %1 to the file programs: %2"_s.arg(device).arg(bpfErrorText(errno))};
        }
        for (quint32 device : std::as_const(devices)) {
            if (!now->contains(device))
                bpf_map_delete_elem(fd, &device);
        }
        devices = *now;
        return {};
    }

    void mountsChanged()
    {
        pollfd fd = {mountinfo, POLLPRI, 0};
        if (::poll(&fd, 1, 0) <= 0 || !(fd.revents & POLLPRI))
            return;
        if (auto synced = syncDevices(); !synced)
            qCWarning(lcEbpf, "%s", qPrintable(synced.error().message));
    }

    void deliver()
    {
        for (Format::Event &event : out)
            sink.deliver(std::move(event));
        out.clear();
    }

    void run()
    {
        ::pthread_setname_np(::pthread_self(), "flightrec-file");
        auto lastLossPoll = std::chrono::steady_clock::now();
        while (!stopping.load()) {
            if (const int n = ring_buffer__poll(ring, int(kPollTimeout.count())); n < 0 && n != -EINTR) {
                qCWarning(lcEbpf, "polling the file ring buffer failed: %s", qPrintable(bpfErrorText(n)));
                std::this_thread::sleep_for(50ms);
            } else {
                ring_buffer__consume(ring); // records committed without a wakeup
            }
            mountsChanged();
            windows->close(boottimeNs(), clock, out);
            if (std::chrono::steady_clock::now() - lastLossPoll >= lossInterval) {
                clock.refresh();
                out.append(losses->poll(clock));
                lastLossPoll = std::chrono::steady_clock::now();
            }
            deliver();
        }
        file_bpf__detach(skel);
        std::this_thread::sleep_for(10ms); // a program running while it was unhooked may still commit a record
        ring_buffer__consume(ring);
        windows->closeAll(clock, out);
        clock.refresh();
        out.append(losses->poll(clock));
        deliver();
    }

    EventSink &sink;
    BootClock clock;
    std::chrono::milliseconds lossInterval;
    file_bpf *skel = nullptr;
    ring_buffer *ring = nullptr;
    int mountinfo = -1;
    QSet<quint32> devices;
    std::unique_ptr<FileCountWindows> windows;
    std::unique_ptr<LossReader> losses;
    QList<Format::Event> out; // what the consumer thread has to deliver
    std::atomic<qint64> records = 0;
    std::atomic<bool> stopping = false;
    std::thread thread;
};

EbpfFileSource::EbpfFileSource(EbpfFileOptions options)
    : m_options(std::move(options))
{
}

EbpfFileSource::~EbpfFileSource()
{
    stop();
}

Format::Backend EbpfFileSource::backend() const
{
    QStringList reason;
    if (!m_namesMissing.isEmpty())
        reason.append(u"creates, deletes and renames are not captured (%1)"_s.arg(m_namesMissing));
    else if (m_names && !m_names->backend().reason.isEmpty())
        reason.append(m_names->backend().reason);
    return {u"file"_s, u"ebpf"_s, !m_namesMissing.isEmpty(), reason.join(u"; "_s)};
}

EbpfFileSource::Stats EbpfFileSource::stats() const
{
    if (!m_state)
        return m_lastStats;
    return {m_state->records.load(), qint64(__atomic_load_n(&m_state->skel->bss->uncounted, __ATOMIC_RELAXED))};
}

Expected<void> EbpfFileSource::start(EventSink &sink)
{
    if (m_state)
        return Error{u"bpf: the file source is already running"_s};
    const qint64 ringBytes = m_options.ringBufferBytes;
    if (auto ok = checkBpfPrerequisites(u"file programs"_s, ringBytes); !ok)
        return ok;
    installLibbpfLogging();

    auto state = std::make_unique<State>(sink, m_options);
    state->skel = file_bpf__open();
    if (!state->skel)
        return Error{u"bpf: opening the file programs: %1"_s.arg(bpfErrorText(errno))};
    file_bpf *skel = state->skel;
    skel->rodata->self_tgid = __u32(m_options.excludePid);
    skel->rodata->pidns_inum = m_options.pidNamespace;
    skel->rodata->wakeup_bytes = __u64(ringBytes / 4);
    skel->rodata->aggregate = m_options.aggregateWindow.count() > 0;
    if (int err = bpf_map__set_max_entries(skel->maps.events, __u32(ringBytes)); err)
        return Error{u"bpf: sizing the file ring buffer: %1"_s.arg(bpfErrorText(err))};
    if (int err = bpf_map__set_max_entries(skel->maps.counts, std::max<quint32>(m_options.maxCounts, 1)); err)
        return Error{u"bpf: sizing the file count map: %1"_s.arg(bpfErrorText(err))};
    if (int err = file_bpf__load(skel); err)
        return Error{u"bpf: loading the file programs (fentry/fexit on security_file_open and __fput): %1"_s.arg(
            bpfErrorText(err))};
    state->mountinfo = ::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (state->mountinfo < 0)
        return Error{u"bpf: /proc/self/mountinfo: %1"_s.arg(bpfErrorText(errno))};
    if (auto synced = state->syncDevices(); !synced)
        return synced;
    state->windows = std::make_unique<FileCountWindows>(
        bpf_map__fd(skel->maps.counts), m_options.aggregateWindow, PathFilter(m_options.include, m_options.exclude),
        1'000'000'000 / ::sysconf(_SC_CLK_TCK));
    state->ring = ring_buffer__new(bpf_map__fd(skel->maps.events), &State::onRecord, state.get(), nullptr);
    if (!state->ring)
        return Error{u"bpf: opening the file ring buffer: %1"_s.arg(bpfErrorText(errno))};
    if (int err = file_bpf__attach(skel); err)
        return Error{u"bpf: attaching the file programs: %1"_s.arg(bpfErrorText(err))};
    QList<int> programs;
    bpf_program *program = nullptr;
    bpf_object__for_each_program(program, skel->obj)
    {
        programs.append(bpf_program__fd(program));
    }
    state->losses = std::make_unique<LossReader>(u"file.ebpf"_s, bpf_map__fd(skel->maps.losses),
                                                 &skel->data->loss_epoch, programs);
    state->thread = std::thread([s = state.get()] { s->run(); });
    m_state = std::move(state);
    qCDebug(lcEbpf, "file capture attached (ring buffer %lld bytes)", ringBytes);

    m_namesMissing.clear();
    if (!m_options.names) {
        m_namesMissing = u"turned off"_s;
        return {};
    }
    FanotifyOptions names;
    names.accesses = false;
    names.include = m_options.include;
    names.exclude = m_options.exclude;
    names.aggregateWindow = m_options.aggregateWindow;
    names.excludePid = m_options.excludePid;
    names.ownPidNamespaceOnly = m_options.pidNamespace != 0;
    names.lifetimes = m_options.lifetimes;
    m_names = std::make_unique<FanotifySource>(names);
    if (auto started = m_names->start(sink); !started) {
        m_namesMissing = started.error().message;
        m_names.reset();
    }
    return {};
}

void EbpfFileSource::stop()
{
    if (m_names)
        m_names->stop();
    if (!m_state)
        return;
    m_state->stopping = true;
    m_state->thread.join();
    m_lastStats = stats();
    m_state.reset();
}

} // namespace Flight::Capture
