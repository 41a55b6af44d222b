// SPDX-License-Identifier: GPL-3.0-or-later
#include "ebpfprocesssource.h"

#include "bootclock.h"
#include "bpfsupport.h"
#include "credentialchange.h"
#include "hostinfo.h"
#include "lossreader.h"
#include "proccredreader.h"
#include "process.skel.h"
#include "processrecorddecoder.h"
#include "processtable.h"

#include <QLoggingCategory>
#include <atomic>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>
#include <deque>
#include <limits>
#include <poll.h>
#include <pthread.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// lcEbpf: bpfsupport.h

namespace Flight::Capture {

namespace {

// The programs wake the consumer only when a quarter of the ring buffer is in use (see wakeup_bytes in
// common.bpf.h); otherwise it finds the records after at most this long.
constexpr auto kPollTimeout = 20ms;
constexpr qint64 kEverything = std::numeric_limits<qint64>::max();

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
    // A UID or GID event of the connector and its time as an event's mono (CLOCK_BOOTTIME).
    struct PendingCred
    {
        qint64 mono = 0;
        ProcConnectorEvent event;
    };

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
            ringEvents.push_back(std::move(**event)); // delivered by deliverUntil(), in time order with the creds
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

    // Takes the connector's queue; a loss it noticed is reported at once (the resync follows after the drain).
    void readCredentials()
    {
        if (!creds)
            return;
        QList<ProcConnectorEvent> events;
        creds->read(events);
        const qint64 bootMinusMonotonic = bootMinusMonotonicNs();
        for (const ProcConnectorEvent &event : events) {
            PendingCred pending{qint64(event.timestampNs) + bootMinusMonotonic, event};
            // Per CPU the kernel queues in time order; across CPUs nearly so.
            auto at = pendingCreds.end();
            while (at != pendingCreds.begin() && std::prev(at)->mono > pending.mono)
                --at;
            pendingCreds.insert(at, std::move(pending));
        }
        if (const auto loss = creds->takeLoss()) {
            Format::RecorderLoss body{u"proc.cred"_s, loss->count,  Format::LossUnit::Events,
                                      loss->reason,   realtimeNs(), boottimeNs(),
                                      std::nullopt,   std::nullopt};
            sink.deliver({clock.toRealtime(lastCredMono), lastCredMono, std::move(body)});
            resyncPending = true;
        }
    }

    void applyCredential(const PendingCred &pending)
    {
        lastCredMono = pending.mono;
        const qint64 notAfterTicks = decoder.ticks(quint64(std::max<qint64>(0, pending.mono))) + 1;
        CredentialOutcome outcome = applyCredentialEvent(table, pending.event, notAfterTicks);
        if (outcome.cred)
            sink.deliver({clock.toRealtime(pending.mono), pending.mono, std::move(*outcome.cred)});
    }

    // Delivers the records and credential events stamped before `cutoff`, the earlier first; the table follows.
    void deliverUntil(qint64 cutoff)
    {
        for (;;) {
            const bool record = !ringEvents.empty() && ringEvents.front().mono < cutoff;
            const bool cred = !pendingCreds.empty() && pendingCreds.front().mono < cutoff;
            if (cred && (!record || pendingCreds.front().mono < ringEvents.front().mono)) {
                applyCredential(pendingCreds.front());
                pendingCreds.pop_front();
            } else if (record) {
                Format::Event event = std::move(ringEvents.front());
                ringEvents.pop_front();
                table.apply(event);
                sink.deliver(std::move(event));
            } else {
                return;
            }
        }
    }

    // One round: the ring buffer first, then the connector. Both streams are complete up to the moment the round
    // began: a record is committed before the system call that made it returns, so before any credential change that
    // follows it, and the connector queues an event before commit_creds() returns. What is stamped later waits for
    // the next round, when whatever preceded it is in (`everything`: at the end, when nothing more will come).
    void pump(bool everything)
    {
        const qint64 started = boottimeNs();
        ring_buffer__consume(ring);
        readCredentials();
        deliverUntil(everything ? kEverything : started);
        sink.progress(started);
    }

    void deliverLosses()
    {
        clock.refresh();
        for (Format::Event &loss : losses->poll(clock)) {
            sink.deliver(std::move(loss));
            resyncPending = true;
        }
    }

    // After a loss, once the ring buffer and the connector have been drained: what /proc shows that the lost records
    // would have said.
    void resyncIfLost()
    {
        if (!resyncPending)
            return;
        resyncPending = false;
        deliverUntil(kEverything);
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
            pollfd fds[2] = {{ring_buffer__epoll_fd(ring), POLLIN, 0}, {creds ? creds->fd() : -1, POLLIN, 0}};
            if (paused.load()) {
                std::this_thread::sleep_for(10ms);
            } else if (::poll(fds, 2, int(kPollTimeout.count())) < 0 && errno != EINTR) {
                qCWarning(lcEbpf, "waiting for the ring buffer and the proc connector failed: %s",
                          std::strerror(errno));
                std::this_thread::sleep_for(50ms);
            } else {
                // Records committed without a wakeup (less than wakeup_bytes waiting) never make epoll report the
                // ring ready: take them now, at most kPollTimeout after they were written.
                pump(false);
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
        pump(true);
        deliverLosses();
        resyncIfLost();
    }

    EventSink &sink;
    ProcessRecordDecoder decoder;
    BootClock clock;
    ProcessTable table; // the consumer thread's once it runs
    std::deque<Format::Event> ringEvents; // decoded, not yet delivered
    std::deque<PendingCred> pendingCreds; // in time order, not yet applied
    qint64 lastCredMono = boottimeNs(); // where a connector loss's span starts
    bool resyncPending = false;
    std::chrono::milliseconds lossInterval;
    process_bpf *skel = nullptr;
    ring_buffer *ring = nullptr;
    std::unique_ptr<LossReader> losses;
    std::unique_ptr<ProcCredReader> creds; // null when proc.cred is off or the connector could not be subscribed
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
    return {u"proc"_s, u"ebpf"_s, !m_degradedReason.isEmpty(), m_degradedReason};
}

Expected<void> EbpfProcessSource::start(EventSink &sink)
{
    if (m_state)
        return Error{u"bpf: the process source is already running"_s};
    const qint64 ringBytes = m_options.ringBufferBytes;
    if (auto ok = checkBpfPrerequisites(u"process programs"_s, ringBytes); !ok)
        return ok;
    installLibbpfLogging();

    auto state = std::make_unique<State>(m_options, sink);
    state->skel = process_bpf__open();
    if (!state->skel)
        return Error{u"bpf: opening the process programs: %1"_s.arg(bpfErrorText(errno))};
    process_bpf *skel = state->skel;
    skel->rodata->self_tgid = __u32(m_options.excludePid);
    skel->rodata->pidns_inum = m_options.pidNamespace;
    skel->rodata->exit_has_group_dead = !m_options.exitFromSignalLive && exitTracepointHasGroupDead();
    skel->rodata->read_environment = !m_options.environment.isEmpty();
    skel->rodata->wakeup_bytes = __u64(ringBytes / 4);
    const int cpus = libbpf_num_possible_cpus();
    if (cpus <= 0)
        return Error{u"bpf: counting the possible CPUs: %1"_s.arg(bpfErrorText(cpus))};
    if (int err = bpf_map__set_max_entries(skel->maps.events, __u32(ringBytes)); err)
        return Error{u"bpf: sizing the ring buffer: %1"_s.arg(bpfErrorText(err))};
    if (int err = bpf_map__set_max_entries(skel->maps.scratch, __u32(cpus)); err)
        return Error{u"bpf: sizing the scratch map: %1"_s.arg(bpfErrorText(err))};
    if (int err = process_bpf__load(skel); err)
        return Error{u"bpf: loading the process programs: %1"_s.arg(bpfErrorText(err))};
    if (int err = process_bpf__attach(skel); err)
        return Error{u"bpf: attaching the process programs to their raw tracepoints: %1"_s.arg(bpfErrorText(err))};
    state->ring = ring_buffer__new(bpf_map__fd(skel->maps.events), &State::onRecord, state.get(), nullptr);
    if (!state->ring)
        return Error{u"bpf: opening the ring buffer: %1"_s.arg(bpfErrorText(errno))};
    QList<int> programs;
    bpf_program *program = nullptr;
    bpf_object__for_each_program(program, skel->obj)
    {
        if (bpf_program__fd(program) >= 0)
            programs.append(bpf_program__fd(program));
    }
    state->losses = std::make_unique<LossReader>(u"proc.ebpf"_s, bpf_map__fd(skel->maps.losses),
                                                 &skel->data->loss_epoch, programs);
    m_degradedReason.clear();
    if (m_options.pidNamespace != 0)
        m_degradedReason = u"proc.cred not captured: scope = namespace (the proc connector reports only in the initial "
                           u"namespaces)"_s;
    else if (m_options.credentialEvents) {
        auto creds = std::make_unique<ProcCredReader>();
        if (auto opened = creds->open({m_options.connectorBufferBytes, m_options.excludePid}); opened) {
            state->creds = std::move(creds);
        } else {
            m_degradedReason = u"proc.cred not captured: %1"_s.arg(opened.error().message);
            qCWarning(lcEbpf, "%s", qPrintable(m_degradedReason));
        }
    }
    // After attaching and subscribing: a process started meanwhile is learnt from its events.
    state->table.learnLiveProcesses();

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
    if (m_state->creds)
        m_state->creds->close();
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
