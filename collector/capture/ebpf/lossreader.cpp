// SPDX-License-Identifier: GPL-3.0-or-later
#include "lossreader.h"

#include "hostinfo.h"
#include "processrecord.h"

#include <QLoggingCategory>
#include <atomic>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEbpfLoss, "flightrec.capture.ebpf.loss", QtInfoMsg)

namespace Flight::Capture {

namespace {

Format::Event lossEvent(const QString &source, const BootClock &clock, qint64 count, const QString &reason,
                        qint64 first, qint64 last)
{
    Format::RecorderLoss loss;
    loss.source = source;
    loss.count = count;
    loss.reason = reason;
    if (last > first) {
        loss.lastTs = clock.toRealtime(last);
        loss.lastMono = last;
    }
    return Format::Event{clock.toRealtime(first), first, loss};
}

} // namespace

LossReader::LossReader(QString source, int slotsFd, quint64 *epoch, QList<int> programFds)
    : m_source(std::move(source))
    , m_slotsFd(slotsFd)
    , m_epoch(epoch)
    , m_programFds(std::move(programFds))
    , m_cpus(std::max(1, libbpf_num_possible_cpus()))
    , m_seenSlots(size_t(m_cpus), 0)
    , m_seenMisses(size_t(m_programFds.size()), 0)
    , m_lastMissPoll(boottimeNs())
{
}

QList<Format::Event> LossReader::poll(const BootClock &clock)
{
    QList<Format::Event> events;
    if (auto e = pollSlots(clock))
        events.append(std::move(*e));
    if (auto e = pollMisses(clock))
        events.append(std::move(*e));
    return events;
}

std::optional<Format::Event> LossReader::pollSlots(const BootClock &clock)
{
    static_assert(sizeof(flight_loss_slot) % 8 == 0, "per-CPU values are 8-byte aligned");
    std::vector<flight_loss_slot> slots(static_cast<size_t>(m_cpus));
    const __u32 key = 0;
    if (bpf_map_lookup_elem(m_slotsFd, &key, slots.data()) != 0) {
        qCWarning(lcEbpfLoss, "reading the loss counters failed: %s", std::strerror(errno));
        return std::nullopt;
    }
    std::atomic_ref<quint64> epoch(*m_epoch);
    const quint64 current = epoch.load();
    qint64 count = 0, first = std::numeric_limits<qint64>::max(), last = 0;
    for (size_t cpu = 0; cpu < slots.size(); ++cpu) {
        const flight_loss_slot &slot = slots[cpu];
        if (slot.count <= m_seenSlots[cpu])
            continue;
        count += qint64(slot.count - m_seenSlots[cpu]);
        m_seenSlots[cpu] = slot.count;
        // A run that began in this epoch began after the previous poll; otherwise the failures fell between
        // the previous read and its epoch bump, and the last one's time is the best known.
        first = std::min(first, qint64(slot.epoch == current ? slot.first_ns : slot.last_ns));
        last = std::max(last, qint64(slot.last_ns));
    }
    epoch.fetch_add(1);
    if (count == 0)
        return std::nullopt;
    return lossEvent(m_source, clock, count, u"ring buffer full"_s, first, std::max(first, last));
}

std::optional<Format::Event> LossReader::pollMisses(const BootClock &clock)
{
    qint64 count = 0;
    for (qsizetype i = 0; i < m_programFds.size(); ++i) {
        bpf_prog_info info{};
        __u32 length = sizeof(info);
        if (bpf_obj_get_info_by_fd(m_programFds[i], &info, &length) != 0)
            continue;
        if (info.recursion_misses > m_seenMisses[size_t(i)]) {
            count += qint64(info.recursion_misses - m_seenMisses[size_t(i)]);
            m_seenMisses[size_t(i)] = info.recursion_misses;
        }
    }
    // The kernel counts misses without a time: the span is "since the previous poll".
    const qint64 since = m_lastMissPoll;
    m_lastMissPoll = boottimeNs();
    if (count == 0)
        return std::nullopt;
    return lossEvent(m_source, clock, count, u"bpf program skipped (recursion)"_s, since, m_lastMissPoll);
}

} // namespace Flight::Capture
