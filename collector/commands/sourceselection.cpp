// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceselection.h"

#include "fallbacksource.h"
#include "fanotifysource.h"
#include "fdscansource.h"
#include "integritysource.h"
#include "netlinkprocsource.h"
#include "notcapturedsource.h"
#include "observedsource.h"
#include "processlifetimes.h"
#include "procpollsource.h"
#include "recorder.h"
#include "sockdiagsource.h"
#ifdef FLIGHT_HAVE_EBPF
#include "ebpffilesource.h"
#include "ebpfnetsource.h"
#include "ebpfprocesssource.h"
#endif

#include <QFile>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Commands {

namespace {

// scope = namespace: the inode number of this process's namespace of `kind` ("pid", "net"); 0 for scope = host.
quint32 scopedNamespace(const Recorder::Config &config, const char *kind)
{
    struct stat st = {};
    if (config.scope != "namespace"_L1 || ::stat((QByteArray("/proc/self/ns/") + kind).constData(), &st) != 0)
        return 0;
    return quint32(st.st_ino);
}

using Capture::FallbackSource;

// Why a fallback runs although eBPF may work: the config chose it.
QString chosenReason(const Recorder::Config &config, const QString &whyNotBetter)
{
    return whyNotBetter.isEmpty() ? u"proc_backend = %1 in the config"_s.arg(config.procBackend) : whyNotBetter;
}

#ifndef FLIGHT_HAVE_EBPF
// The eBPF candidate of `source` ("proc", "file") in a flightrec built without eBPF: it never starts, and says why.
std::unique_ptr<Capture::EventSource> ebpfNotBuilt(const QString &source)
{
    struct NotBuilt final : Capture::EventSource
    {
        explicit NotBuilt(QString name)
            : m_source(std::move(name))
        {
        }
        Format::Backend backend() const override { return {m_source, u"ebpf"_s, false, {}}; }
        Expected<void> start(Capture::EventSink &) override
        {
            return Error{u"this flightrec was built without eBPF support (FLIGHT_BUILD_EBPF=OFF)"_s};
        }
        void stop() override { }
        QString m_source;
    };
    return std::make_unique<NotBuilt>(source);
}
#endif

FallbackSource::Candidate ebpfCandidate(const Recorder::Config &config)
{
#ifdef FLIGHT_HAVE_EBPF
    return {u"ebpf"_s, [config](const QString &) {
                Capture::EbpfProcessOptions options;
                options.ringBufferBytes = config.ringBufferBytes;
                options.excludePid = ::getpid();
                options.pidNamespace = scopedNamespace(config, "pid");
                options.environment = config.environment;
                options.digests = Recorder::processReadOptions(config).digests;
                return std::make_unique<Capture::EbpfProcessSource>(options);
            }};
#else
    return {u"ebpf"_s, [](const QString &) { return ebpfNotBuilt(u"proc"_s); }};
#endif
}

FallbackSource::Candidate netlinkCandidate(const Recorder::Config &config)
{
    return {u"netlink"_s, [config](const QString &whyNotBetter) {
                Capture::NetlinkProcOptions options;
                options.read = Recorder::processReadOptions(config);
                return std::make_unique<Capture::NetlinkProcSource>(chosenReason(config, whyNotBetter), options);
            }};
}

FallbackSource::Candidate pollCandidate(const Recorder::Config &config)
{
    return {u"poll"_s, [config](const QString &whyNotBetter) {
                Capture::ProcPollOptions options;
                options.interval = std::chrono::milliseconds(config.pollIntervalMs);
                options.read = Recorder::processReadOptions(config);
                return std::make_unique<Capture::ProcPollSource>(chosenReason(config, whyNotBetter), options);
            }};
}

QByteArrayList encoded(const QStringList &paths)
{
    QByteArrayList out;
    for (const QString &p : paths)
        out.append(QFile::encodeName(p));
    return out;
}

// file_backend = auto: fanotify, else scans of /proc/<pid>/fd (degraded: what opens and closes between two scans is not
// seen); or the one the config names. eBPF (opens counted in the kernel) only when named: its hooks (fexit on
// security_file_open, fentry on __fput) have not yet run on a kernel that allows trampolines, so auto does not pick it.
Expected<std::unique_ptr<Capture::EventSource>> fileSource(const Recorder::Config &config,
                                                           std::shared_ptr<const Capture::ProcessLifetimes> lifetimes)
{
    const QByteArrayList include = encoded(config.fileInclude);
    // The collector's own files too, though its own accesses are left out.
    const QByteArrayList exclude = encoded(config.fileExclude + QStringList{config.journal, config.outbox});
    // Why a backend runs although a better one may work: the config chose it.
    const auto why = [config](const QString &whyNotBetter) {
        return whyNotBetter.isEmpty() && config.fileBackend != "auto"_L1
            ? u"file_backend = %1 in the config"_s.arg(config.fileBackend)
            : whyNotBetter;
    };
#ifdef FLIGHT_HAVE_EBPF
    FallbackSource::Candidate ebpf{u"ebpf"_s, [config, include, exclude, lifetimes](const QString &) {
                                       Capture::EbpfFileOptions options;
                                       options.include = include;
                                       options.exclude = exclude;
                                       options.aggregateWindow = std::chrono::milliseconds(config.fileAggregateMs);
                                       options.excludePid = ::getpid();
                                       options.pidNamespace = scopedNamespace(config, "pid");
                                       options.ringBufferBytes = config.ringBufferBytes;
                                       options.lifetimes = lifetimes;
                                       return std::make_unique<Capture::EbpfFileSource>(options);
                                   }};
#else
    FallbackSource::Candidate ebpf{u"ebpf"_s, [](const QString &) { return ebpfNotBuilt(u"file"_s); }};
#endif
    FallbackSource::Candidate fanotify{
        u"fanotify"_s, [config, include, exclude, lifetimes, why](const QString &whyNotBetter) {
            Capture::FanotifyOptions options;
            options.include = include;
            options.exclude = exclude;
            options.aggregateWindow = std::chrono::milliseconds(config.fileAggregateMs);
            options.ignoreRepeats = config.fileIgnoreRepeats;
            options.excludePid = ::getpid();
            options.ownPidNamespaceOnly = config.scope == "namespace"_L1;
            options.lifetimes = lifetimes;
            options.whyNotBetter = why(whyNotBetter);
            return std::make_unique<Capture::FanotifySource>(options);
        }};
    FallbackSource::Candidate fdscan{u"fdscan"_s, [include, exclude, why](const QString &whyNotBetter) {
                                         Capture::FdScanOptions options;
                                         options.include = include;
                                         options.exclude = exclude;
                                         options.excludePid = ::getpid();
                                         return std::make_unique<Capture::FdScanSource>(why(whyNotBetter), options);
                                     }};
    QList<FallbackSource::Candidate> candidates;
    if (config.fileBackend == "auto"_L1)
        candidates = {fanotify, fdscan};
    else if (config.fileBackend == "ebpf"_L1)
        candidates = {ebpf};
    else if (config.fileBackend == "fanotify"_L1)
        candidates = {fanotify};
    else if (config.fileBackend == "fdscan"_L1)
        candidates = {fdscan};
    else
        return Error{u"file_backend: '%1' is not auto, ebpf, fanotify or fdscan"_s.arg(config.fileBackend)};
    return std::unique_ptr<Capture::EventSource>(std::make_unique<FallbackSource>(candidates));
}

// eBPF, else polls of the socket table over sock_diag (degraded: what lives shorter than a poll is not seen), else a
// source that states network endpoints were not captured and why.
std::unique_ptr<Capture::EventSource> netSource(const Recorder::Config &config)
{
    QList<FallbackSource::Candidate> candidates;
#ifdef FLIGHT_HAVE_EBPF
    candidates.append({u"ebpf"_s, [config](const QString &) {
                           Capture::EbpfNetOptions options;
                           options.excludePid = ::getpid();
                           options.pidNamespace = scopedNamespace(config, "pid");
                           options.netNamespace = scopedNamespace(config, "net");
                           return std::make_unique<Capture::EbpfNetSource>(options);
                       }});
    const QString noEbpf;
#else
    const QString noEbpf = u"ebpf: this flightrec was built without eBPF support (FLIGHT_BUILD_EBPF=OFF)"_s;
#endif
    candidates.append({u"sockdiag"_s, [noEbpf](const QString &whyNotBetter) {
                           Capture::SockDiagOptions options;
                           options.excludePid = ::getpid();
                           return std::make_unique<Capture::SockDiagSource>(
                               whyNotBetter.isEmpty() ? noEbpf : whyNotBetter, options);
                       }});
    candidates.append({u"none"_s, [](const QString &whyNotBetter) {
                           return std::make_unique<Capture::NotCapturedSource>(u"net"_s, whyNotBetter);
                       }});
    return std::make_unique<FallbackSource>(candidates);
}

} // namespace

Expected<std::vector<std::unique_ptr<Capture::EventSource>>> selectSources(const Recorder::Config &config)
{
    QList<FallbackSource::Candidate> process;
    // Only the eBPF programs can tell namespaces apart: the proc connector reports in the initial ones only.
    if (config.scope == "namespace"_L1 && config.procBackend != "auto"_L1 && config.procBackend != "ebpf"_L1)
        return Error{u"scope = namespace needs proc_backend = ebpf (the netlink proc connector reports only in the "
                     u"initial namespaces), not %1"_s.arg(config.procBackend)};
    if (config.procBackend == "auto"_L1 && config.scope == "namespace"_L1)
        process = {ebpfCandidate(config)};
    else if (config.procBackend == "auto"_L1)
        process = {ebpfCandidate(config), netlinkCandidate(config), pollCandidate(config)};
    else if (config.procBackend == "ebpf"_L1)
        process = {ebpfCandidate(config)};
    else if (config.procBackend == "netlink"_L1)
        process = {netlinkCandidate(config)};
    else if (config.procBackend == "poll"_L1)
        process = {pollCandidate(config)};
    else
        return Error{u"proc_backend: '%1' is not auto, ebpf, netlink or poll"_s.arg(config.procBackend)};

    // Which process held which pid, from the process events: keys the accesses of processes that ended before
    // fanotify's event was read.
    const auto lifetimes = std::make_shared<Capture::ProcessLifetimes>(1'000'000'000 / ::sysconf(_SC_CLK_TCK));
    std::vector<std::unique_ptr<Capture::EventSource>> sources;
    sources.push_back(std::make_unique<Capture::ObservedSource>(
        std::make_unique<FallbackSource>(std::move(process)),
        Capture::SourceObserver{[lifetimes](const Format::Event &e) { lifetimes->note(e); },
                                [lifetimes](qint64 mono) { lifetimes->noteComplete(mono); }}));
    // Writes to watched paths and new listeners run the integrity checks at once.
    std::shared_ptr<Integrity::IntegrityTriggers> triggers;
    Integrity::IntegrityOptions integrity;
    if (config.integrity) {
        if (config.watchPaths)
            integrity.checks.watchedPaths = *config.watchPaths;
        integrity.interval = std::chrono::seconds(config.integrityIntervalSeconds);
        integrity.sweep = std::chrono::seconds(config.integritySweepSeconds);
        integrity.checks.packageFiles = config.packageVerify;
        integrity.checks.dpkgAdminDir = config.dpkgAdminDir;
        triggers = std::make_shared<Integrity::IntegrityTriggers>(integrity.checks);
    }
    const auto observedByIntegrity = [&triggers](std::unique_ptr<Capture::EventSource> source) {
        if (!triggers)
            return source;
        return std::unique_ptr<Capture::EventSource>(std::make_unique<Capture::ObservedSource>(
            std::move(source), Capture::SourceObserver{[triggers](const Format::Event &e) { triggers->note(e); }, {}}));
    };
    if (config.fileCapture) {
        auto files = fileSource(config, lifetimes);
        if (!files)
            return files.error();
        sources.push_back(observedByIntegrity(std::move(*files)));
    }
    if (config.netCapture)
        sources.push_back(observedByIntegrity(netSource(config)));
    if (config.integrity)
        sources.push_back(std::make_unique<Integrity::IntegritySource>(integrity, triggers));
    return sources;
}

} // namespace Flight::Commands
