// SPDX-License-Identifier: GPL-3.0-or-later
#include "ebpfprocesssource.h"

#include "bootclock.h"
#include "bpfsupport.h"
#include "hostinfo.h"
#include "lossreader.h"
#include "process.skel.h"
#include "processrecorddecoder.h"
#include "processtable.h"

#include <QFile>
#include <QLoggingCategory>
#include <atomic>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// lcEbpf: bpfsupport.h

namespace Flight::Capture {

namespace {

constexpr auto kVmlinuxBtf = "/sys/kernel/btf/vmlinux";
// The programs wake the consumer only when a quarter of the ring buffer is in use (see wakeup_bytes in
// common.bpf.h); otherwise it finds the records after at most this long.
constexpr auto kPollTimeout = 20ms;

// libbpf's messages (verifier logs included) go to the debug log: QT_LOGGING_RULES="flightrec.capture.ebpf=true".
int libbpfPrint(libbpf_print_level, const char *format, va_list args)
{
    if (!lcEbpf().isDebugEnabled())
        return 0;
    char line[2048];
    const int n = std::vsnprintf(line, sizeof(line), format, args);
    qCDebug(lcEbpf, "%s", QByteArray(line).trimmed().constData());
    return n;
}

QString errorText(int error)
{
    QString text = QString::fromLocal8Bit(std::strerror(error < 0 ? -error : error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

// Linux 6.16 added group_dead to sched_process_exit; the program reads it when the running kernel's BTF says so.
bool exitTracepointHasGroupDead()
{
    btf *vmlinux = btf__load_vmlinux_btf();
    if (!vmlinux)
        return false;
    bool result = false;
    const int id = btf__find_by_name_kind(vmlinux, "btf_trace_sched_process_exit", BTF_KIND_TYPEDEF);
    const btf_type *type = id > 0 ? btf__type_by_id(vmlinux, __u32(id)) : nullptr;
    type = type ? btf__type_by_id(vmlinux, type->type) : nullptr; // the pointer
    type = type && btf_is_ptr(type) ? btf__type_by_id(vmlinux, type->type) : nullptr;
    if (type && btf_is_func_proto(type))
        result = btf_vlen(type) >= 3; // (void *, struct task_struct *, bool group_dead)
    btf__free(vmlinux);
    return result;
}

} // namespace

struct EbpfProcessSource::State
{
    State(const EbpfProcessOptions &options, EventSink &target)
        : sink(target)
        , decoder({qint64(::sysconf(_SC_CLK_TCK)), options.environment, u"/"_s, options.digests})
        , table(ReadOptions{u"/"_s, options.environment, ReadOptions().maxArgvBytes, options.digests})
        , lossInterval(options.lossPollInterval)
        , paused(options.startPaused)
    {
    }
    ~State()
    {
        ring_buffer__free(ring);
        process_bpf__destroy(skel);
    }

    static int onRecord(void *context, void *data, size_t size)
    {
        auto *self = static_cast<State *>(context);
        self->handle(QByteArrayView(static_cast<const char *>(data), qsizetype(size)));
        return 0;
    }

    void handle(QByteArrayView record)
    {
        auto event = decoder.decode(record, clock.offset());
        if (event && *event) {
            table.apply(**event);
            sink.deliver(std::move(**event));
        } else if (!event) {
            qCWarning(lcEbpf, "dropping a ring buffer record: %s", qPrintable(event.error().message));
            Format::RecorderLoss loss{u"proc.ebpf"_s,
                                      1,
                                      Format::LossUnit::Events,
                                      u"undecodable record: %1"_s.arg(event.error().message),
                                      {},
                                      {},
                                      {},
                                      {}};
            const qint64 now = boottimeNs();
            sink.deliver({clock.toRealtime(now), now, std::move(loss)});
            resyncPending = true;
        }
    }

    void deliverLosses()
    {
        clock.refresh();
        for (Format::Event &loss : losses->poll(clock)) {
            sink.deliver(std::move(loss));
            resyncPending = true;
        }
    }

    // After a loss, once the ring buffer has been drained: what /proc shows that the lost records would have said.
    void resyncIfLost()
    {
        if (!resyncPending)
            return;
        resyncPending = false;
        QList<Format::Event> repairs;
        table.resync(repairs);
        for (Format::Event &event : repairs)
            sink.deliver(std::move(event));
    }

    void run()
    {
        ::pthread_setname_np(::pthread_self(), "flightrec-ebpf");
        auto lastLossPoll = std::chrono::steady_clock::now();
        while (!stopping.load()) {
            if (paused.load()) {
                std::this_thread::sleep_for(10ms);
            } else if (const int n = ring_buffer__poll(ring, int(kPollTimeout.count())); n < 0 && n != -EINTR) {
                qCWarning(lcEbpf, "polling the ring buffer failed: %s", std::strerror(-n));
                std::this_thread::sleep_for(50ms);
            } else {
                // Records committed without a wakeup (less than wakeup_bytes waiting) never make epoll report the
                // ring ready: take them now, at most kPollTimeout after they were written.
                ring_buffer__consume(ring);
                resyncIfLost();
            }
            if (std::chrono::steady_clock::now() - lastLossPoll >= lossInterval) {
                deliverLosses();
                lastLossPoll = std::chrono::steady_clock::now();
            }
        }
        process_bpf__detach(skel);
        // A program that was running when its tracepoint was unhooked may still commit a record; that takes
        // microseconds, so after this pause the ring buffer holds everything there will be.
        std::this_thread::sleep_for(10ms);
        ring_buffer__consume(ring);
        deliverLosses();
        resyncIfLost();
    }

    EventSink &sink;
    ProcessRecordDecoder decoder;
    BootClock clock;
    ProcessTable table; // the consumer thread's once it runs
    bool resyncPending = false;
    std::chrono::milliseconds lossInterval;
    process_bpf *skel = nullptr;
    ring_buffer *ring = nullptr;
    std::unique_ptr<LossReader> losses;
    std::atomic<bool> stopping = false;
    std::atomic<bool> paused;
    std::thread thread;
};

EbpfProcessSource::EbpfProcessSource(EbpfProcessOptions options)
    : m_options(std::move(options))
{
}

EbpfProcessSource::~EbpfProcessSource()
{
    stop();
}

Format::Backend EbpfProcessSource::backend() const
{
    return {u"proc"_s, u"ebpf"_s, false, {}};
}

Expected<void> EbpfProcessSource::start(EventSink &sink)
{
    if (m_state)
        return Error{u"bpf: the process source is already running"_s};
    const qint64 page = ::sysconf(_SC_PAGESIZE), ringBytes = m_options.ringBufferBytes;
    if (ringBytes < page || ringBytes % page != 0 || (ringBytes & (ringBytes - 1)) != 0 || ringBytes > (1LL << 30))
        return Error{
            u"bpf: ring buffer size %1 is not a power of two between the page size and 1 GiB"_s.arg(ringBytes)};
    if (!QFile::exists(QString::fromLatin1(kVmlinuxBtf)))
        return Error{u"BTF not available: %1 is missing (kernel built without CONFIG_DEBUG_INFO_BTF)"_s.arg(
            QString::fromLatin1(kVmlinuxBtf))};
    static std::once_flag printOnce;
    std::call_once(printOnce, [] { libbpf_set_print(libbpfPrint); });

    auto state = std::make_unique<State>(m_options, sink);
    state->skel = process_bpf__open();
    if (!state->skel)
        return Error{u"bpf: opening the process programs: %1"_s.arg(errorText(errno))};
    process_bpf *skel = state->skel;
    skel->rodata->self_tgid = __u32(m_options.excludePid);
    skel->rodata->exit_has_group_dead = !m_options.exitFromSignalLive && exitTracepointHasGroupDead();
    skel->rodata->read_environment = !m_options.environment.isEmpty();
    skel->rodata->wakeup_bytes = __u64(ringBytes / 4);
    const int cpus = libbpf_num_possible_cpus();
    if (cpus <= 0)
        return Error{u"bpf: counting the possible CPUs: %1"_s.arg(errorText(cpus))};
    if (int err = bpf_map__set_max_entries(skel->maps.events, __u32(ringBytes)); err)
        return Error{u"bpf: sizing the ring buffer: %1"_s.arg(errorText(err))};
    if (int err = bpf_map__set_max_entries(skel->maps.scratch, __u32(cpus)); err)
        return Error{u"bpf: sizing the scratch map: %1"_s.arg(errorText(err))};
    bpf_program__set_autoload(skel->progs.flight_sys_enter, m_options.credentialEvents);
    bpf_program__set_autoload(skel->progs.flight_sys_exit, m_options.credentialEvents);
    if (int err = process_bpf__load(skel); err)
        return Error{u"bpf: loading the process programs: %1"_s.arg(errorText(err))};
    if (int err = process_bpf__attach(skel); err)
        return Error{u"bpf: attaching the process programs to their raw tracepoints: %1"_s.arg(errorText(err))};
    state->ring = ring_buffer__new(bpf_map__fd(skel->maps.events), &State::onRecord, state.get(), nullptr);
    if (!state->ring)
        return Error{u"bpf: opening the ring buffer: %1"_s.arg(errorText(errno))};
    QList<int> programs;
    bpf_program *program = nullptr;
    bpf_object__for_each_program(program, skel->obj)
    {
        if (bpf_program__fd(program) >= 0)
            programs.append(bpf_program__fd(program));
    }
    state->losses = std::make_unique<LossReader>(u"proc.ebpf"_s, bpf_map__fd(skel->maps.losses),
                                                 &skel->data->loss_epoch, programs);
    state->table.learnLiveProcesses(); // after attaching: a process started meanwhile is learnt from its events

    state->thread = std::thread([s = state.get()] { s->run(); });
    m_state = std::move(state);
    qCDebug(lcEbpf, "process capture attached (ring buffer %lld bytes)", ringBytes);
    return {};
}

void EbpfProcessSource::stop()
{
    if (!m_state)
        return;
    m_state->paused = false;
    m_state->stopping = true;
    m_state->thread.join();
    m_state.reset();
}

void EbpfProcessSource::setConsumerPaused(bool paused)
{
    if (m_state)
        m_state->paused = paused;
    else
        m_options.startPaused = paused;
}

} // namespace Flight::Capture
