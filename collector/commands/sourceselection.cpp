// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceselection.h"

#include "fallbacksource.h"
#include "netlinkprocsource.h"
#include "procpollsource.h"
#include "recorder.h"
#ifdef FLIGHT_HAVE_EBPF
#include "ebpfprocesssource.h"
#endif

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Commands {

namespace {

using Capture::FallbackSource;

// Why a fallback runs although eBPF may work: the config chose it.
QString chosenReason(const Recorder::Config &config, const QString &whyNotBetter)
{
    return whyNotBetter.isEmpty() ? u"proc_backend = %1 in the config"_s.arg(config.procBackend) : whyNotBetter;
}

FallbackSource::Candidate ebpfCandidate(const Recorder::Config &config)
{
#ifdef FLIGHT_HAVE_EBPF
    return {u"ebpf"_s, [config](const QString &) {
                Capture::EbpfProcessOptions options;
                options.ringBufferBytes = config.ringBufferBytes;
                options.excludePid = ::getpid();
                options.environment = config.environment;
                options.digests = Recorder::processReadOptions(config).digests;
                return std::make_unique<Capture::EbpfProcessSource>(options);
            }};
#else
    return {u"ebpf"_s, [](const QString &) -> std::unique_ptr<Capture::EventSource> {
                struct NotBuilt final : Capture::EventSource
                {
                    Format::Backend backend() const override { return {u"proc"_s, u"ebpf"_s, false, {}}; }
                    Expected<void> start(Capture::EventSink &) override
                    {
                        return Error{u"this flightrec was built without eBPF support (FLIGHT_BUILD_EBPF=OFF)"_s};
                    }
                    void stop() override { }
                };
                return std::make_unique<NotBuilt>();
            }};
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

} // namespace

Expected<std::vector<std::unique_ptr<Capture::EventSource>>> selectSources(const Recorder::Config &config)
{
    QList<FallbackSource::Candidate> process;
    if (config.procBackend == "auto"_L1)
        process = {ebpfCandidate(config), netlinkCandidate(config), pollCandidate(config)};
    else if (config.procBackend == "ebpf"_L1)
        process = {ebpfCandidate(config)};
    else if (config.procBackend == "netlink"_L1)
        process = {netlinkCandidate(config)};
    else if (config.procBackend == "poll"_L1)
        process = {pollCandidate(config)};
    else
        return Error{u"proc_backend: '%1' is not auto, ebpf, netlink or poll"_s.arg(config.procBackend)};

    std::vector<std::unique_ptr<Capture::EventSource>> sources;
    sources.push_back(std::make_unique<FallbackSource>(std::move(process)));
    return sources;
}

} // namespace Flight::Commands
