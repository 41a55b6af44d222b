// SPDX-License-Identifier: GPL-3.0-or-later
#include "ebpfnetsource.h"

#include "bootclock.h"
#include "bpfsupport.h"
#include "hostinfo.h"
#include "lossreader.h"
#include "mountinfo.h"
#include "net.skel.h"
#include "netrecorddecoder.h"
#include "socketdiag.h"

#include <QFile>
#include <atomic>
#include <bpf/libbpf.h>
#include <cerrno>
#include <fcntl.h>
#include <pthread.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Flight::Capture {

namespace {

// The programs wake the consumer only when a quarter of the ring buffer is in use; otherwise it finds the records
// after at most this long.
constexpr auto kPollTimeout = 20ms;

// Where the cgroup v2 hierarchy is mounted: /sys/fs/cgroup on a unified host, /sys/fs/cgroup/unified on a hybrid one.
Expected<QString> findCgroup2Root()
{
    auto mounts = readMountInfo();
    if (!mounts)
        return mounts.error();
    for (const Mount &mount : *mounts)
        if (mount.type == u"cgroup2"_s && mount.root == "/")
            return QString::fromUtf8(mount.mountPoint);
    return Error{u"no cgroup v2 hierarchy is mounted"_s};
}

} // namespace

struct EbpfNetSource::State
{
    State(EventSink &target, std::chrono::milliseconds lossPoll)
        : sink(target)
        , decoder(::sysconf(_SC_CLK_TCK))
        , lossInterval(lossPoll)
    {
    }
    ~State()
    {
        ring_buffer__free(ring);
        net_bpf__destroy(skel);
        if (cgroupFd >= 0)
            ::close(cgroupFd);
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
        if (event) {
            sink.deliver(std::move(*event));
            return;
        }
        qCWarning(lcEbpf, "dropping a network ring buffer record: %s", qPrintable(event.error().message));
        const qint64 now = boottimeNs();
        sink.deliver({clock.toRealtime(now), now,
                      Format::RecorderLoss{u"net.ebpf"_s,
                                           1,
                                           Format::LossUnit::Events,
                                           u"undecodable record: %1"_s.arg(event.error().message),
                                           {},
                                           {},
                                           {},
                                           {}}});
    }

    void deliverLosses()
    {
        clock.refresh();
        for (Format::Event &loss : losses->poll(clock))
            sink.deliver(std::move(loss));
    }

    void run()
    {
        ::pthread_setname_np(::pthread_self(), "flightrec-net");
        auto lastLossPoll = std::chrono::steady_clock::now();
        while (!stopping.load()) {
            if (const int n = ring_buffer__poll(ring, int(kPollTimeout.count())); n < 0 && n != -EINTR) {
                qCWarning(lcEbpf, "polling the network ring buffer failed: %s", qPrintable(bpfErrorText(n)));
                std::this_thread::sleep_for(50ms);
            } else {
                ring_buffer__consume(ring); // records committed without a wakeup
            }
            if (std::chrono::steady_clock::now() - lastLossPoll >= lossInterval) {
                deliverLosses();
                lastLossPoll = std::chrono::steady_clock::now();
            }
        }
        net_bpf__detach(skel);
        std::this_thread::sleep_for(10ms); // a program running while it was unhooked may still commit a record
        ring_buffer__consume(ring);
        deliverLosses();
    }

    EventSink &sink;
    NetRecordDecoder decoder;
    BootClock clock;
    std::chrono::milliseconds lossInterval;
    net_bpf *skel = nullptr;
    ring_buffer *ring = nullptr;
    int cgroupFd = -1;
    std::unique_ptr<LossReader> losses;
    std::atomic<bool> stopping = false;
    std::thread thread;
};

EbpfNetSource::EbpfNetSource(EbpfNetOptions options)
    : m_options(std::move(options))
{
}

EbpfNetSource::~EbpfNetSource()
{
    stop();
}

Format::Backend EbpfNetSource::backend() const
{
    return {u"net"_s, u"ebpf"_s, !m_degradedReason.isEmpty(), m_degradedReason};
}

Expected<void> EbpfNetSource::start(EventSink &sink)
{
    if (m_state)
        return Error{u"bpf: the network source is already running"_s};
    const qint64 ringBytes = m_options.ringBufferBytes;
    if (auto ok = checkBpfPrerequisites(u"network programs"_s, ringBytes); !ok)
        return ok;
    installLibbpfLogging();
    m_degradedReason.clear();

    auto state = std::make_unique<State>(sink, m_options.lossPollInterval);
    state->skel = net_bpf__open();
    if (!state->skel)
        return Error{u"bpf: opening the network programs: %1"_s.arg(bpfErrorText(errno))};
    net_bpf *skel = state->skel;
    skel->rodata->self_tgid = __u32(m_options.excludePid);
    skel->rodata->pidns_inum = m_options.pidNamespace;
    skel->rodata->netns_inum = m_options.netNamespace;
    skel->rodata->wakeup_bytes = __u64(ringBytes / 4);
    if (int err = bpf_map__set_max_entries(skel->maps.events, __u32(ringBytes)); err)
        return Error{u"bpf: sizing the network ring buffer: %1"_s.arg(bpfErrorText(err))};

    auto cgroupRoot = m_options.cgroupRoot.isEmpty() ? findCgroup2Root() : Expected<QString>(m_options.cgroupRoot);
    if (cgroupRoot) {
        state->cgroupFd = ::open(QFile::encodeName(*cgroupRoot).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (state->cgroupFd < 0)
            cgroupRoot = Error{u"%1: %2"_s.arg(*cgroupRoot, bpfErrorText(errno))};
    }
    bpf_program *const cgroupPrograms[]
        = {skel->progs.flight_udp_sendmsg4, skel->progs.flight_udp_sendmsg6, skel->progs.flight_udp_connect4,
           skel->progs.flight_udp_connect6, skel->progs.flight_udp_bind4,    skel->progs.flight_udp_bind6};
    bpf_link **const cgroupLinks[]
        = {&skel->links.flight_udp_sendmsg4, &skel->links.flight_udp_sendmsg6, &skel->links.flight_udp_connect4,
           &skel->links.flight_udp_connect6, &skel->links.flight_udp_bind4,    &skel->links.flight_udp_bind6};
    for (bpf_program *program : cgroupPrograms)
        bpf_program__set_autoload(program, bool(cgroupRoot));

    if (int err = net_bpf__load(skel); err)
        return Error{u"bpf: loading the network programs: %1"_s.arg(bpfErrorText(err))};
    if (int err = net_bpf__attach(skel); err) // the raw tracepoints; cgroup programs are attached below
        return Error{u"bpf: attaching the network programs to their raw tracepoints: %1"_s.arg(bpfErrorText(err))};
    if (cgroupRoot) {
        for (size_t i = 0; i < std::size(cgroupPrograms); ++i) {
            *cgroupLinks[i] = bpf_program__attach_cgroup(cgroupPrograms[i], state->cgroupFd);
            if (!*cgroupLinks[i]) {
                const int error = errno;
                for (bpf_link **link : cgroupLinks) {
                    bpf_link__destroy(*link);
                    *link = nullptr;
                }
                cgroupRoot = Error{u"attaching to the cgroup v2 root %1: %2"_s.arg(*cgroupRoot, bpfErrorText(error))};
                break;
            }
        }
    }
    if (!cgroupRoot)
        m_degradedReason = u"UDP not captured: %1"_s.arg(cgroupRoot.error().message);

    state->ring = ring_buffer__new(bpf_map__fd(skel->maps.events), &State::onRecord, state.get(), nullptr);
    if (!state->ring)
        return Error{u"bpf: opening the network ring buffer: %1"_s.arg(bpfErrorText(errno))};
    QList<int> programs;
    bpf_program *program = nullptr;
    bpf_object__for_each_program(program, skel->obj)
    {
        if (bpf_program__fd(program) >= 0)
            programs.append(bpf_program__fd(program));
    }
    state->losses = std::make_unique<LossReader>(u"net.ebpf"_s, bpf_map__fd(skel->maps.losses), &skel->data->loss_epoch,
                                                 programs);
    state->thread = std::thread([s = state.get()] { s->run(); });
    m_state = std::move(state);
    qCDebug(lcEbpf, "network capture attached (ring buffer %lld bytes)", ringBytes);

    // Taken once the programs are attached and their ring buffer is read: a socket opened before is in the table, one
    // opened since is seen by the programs, so none falls between (one opened meanwhile may be in both).
    if (m_options.startSnapshot) {
        auto snapshot = takeSocketSnapshot(m_options.excludePid);
        if (snapshot) {
            for (Format::Event &event : *snapshot)
                sink.deliver(std::move(event));
        } else {
            const QString reason = u"no start-up socket snapshot: %1"_s.arg(snapshot.error().message);
            m_degradedReason = m_degradedReason.isEmpty() ? reason : m_degradedReason + u"; "_s + reason;
        }
    }
    return {};
}

void EbpfNetSource::stop()
{
    if (!m_state)
        return;
    m_state->stopping = true;
    m_state->thread.join();
    m_state.reset();
}

} // namespace Flight::Capture
