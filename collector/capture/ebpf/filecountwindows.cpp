// SPDX-License-Identifier: GPL-3.0-or-later
#include "filecountwindows.h"

#include "filerecord.h"

#include <bpf/bpf.h>
#include <cstddef>
#include <cstring>
#include <sys/sysmacros.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr qsizetype kHead = offsetof(flight_file_record, data);

std::optional<Format::FileOp> opOf(quint32 op)
{
    switch (op) {
    case FLIGHT_FILE_OPEN:
        return Format::FileOp::Open;
    case FLIGHT_FILE_EXEC:
        return Format::FileOp::Exec;
    case FLIGHT_FILE_WRITE:
        return Format::FileOp::Write;
    default:
        return std::nullopt;
    }
}

} // namespace

FileCountWindows::FileCountWindows(int countsFd, std::chrono::nanoseconds window, PathFilter filter, qint64 nsPerTick)
    : m_countsFd(countsFd)
    , m_windowNs(window.count())
    , m_filter(std::move(filter))
    , m_nsPerTick(std::max<qint64>(nsPerTick, 1))
    , m_uncounted(window)
{
}

Expected<void> FileCountWindows::add(QByteArrayView record, const BootClock &clock, QList<Format::Event> &out)
{
    flight_file_record head;
    if (record.size() < kHead)
        return Error{u"file record of %1 bytes is shorter than its header (%2)"_s.arg(record.size()).arg(kHead)};
    std::memcpy(&head, record.data(), kHead);
    if (head.kind != FLIGHT_RECORD_FILE)
        return Error{u"record kind %1 is not a file record"_s.arg(head.kind)};
    if (head.size > record.size() || head.size < kHead
        || qint64(head.path_off) + head.path_len > qint64(head.size) - kHead)
        return Error{u"file record: size %1, path at %2 + %3 do not fit the %4 bytes read"_s.arg(head.size)
                         .arg(head.path_off)
                         .arg(head.path_len)
                         .arg(record.size())};
    const auto op = opOf(head.key.op);
    if (!op)
        return Error{u"file record: unknown operation %1"_s.arg(head.key.op)};

    Window window;
    window.firstMono = qint64(head.mono_ns);
    window.pathMissing = (head.flags & FLIGHT_FILE_PATH_INCOMPLETE) || head.path_len == 0;
    Format::FileAccess &access = window.access;
    access.proc = {qint64(head.key.proc.pid), qint64(head.key.proc.start_ns / quint64(m_nsPerTick))};
    access.op = *op;
    if (!window.pathMissing)
        access.path = record.sliced(kHead + head.path_off, head.path_len).toByteArray();
    access.dev = qint64(makedev(head.key.dev >> 20, head.key.dev & 0xfffff));
    access.ino = qint64(head.key.ino);
    window.accepted = !window.pathMissing && m_filter.accepts(access.path);

    if (head.flags & FLIGHT_FILE_UNCOUNTED) { // one access, not in the kernel's map
        if (window.accepted)
            m_uncounted.add({clock.toRealtime(window.firstMono), window.firstMono, std::move(access)}, out);
        else if (window.pathMissing)
            out.append({clock.toRealtime(window.firstMono), window.firstMono,
                        Format::RecorderLoss{u"file.ebpf"_s, 1, Format::LossUnit::Events,
                                             u"path of an access could not be read"_s, {}, {}, {}, {}}});
        return {};
    }
    QByteArray key(reinterpret_cast<const char *>(&head.key), sizeof head.key);
    m_opened.emplace_back(window.firstMono, key);
    m_pending.insert(std::move(key), std::move(window)); // a second record of one key replaces the first's window
    return {};
}

void FileCountWindows::close(qint64 nowMono, const BootClock &clock, QList<Format::Event> &out)
{
    while (!m_opened.empty() && m_opened.front().first + m_windowNs <= nowMono)
        closeFront(clock, out);
    m_uncounted.flush(nowMono, out);
}

void FileCountWindows::closeAll(const BootClock &clock, QList<Format::Event> &out)
{
    while (!m_opened.empty())
        closeFront(clock, out);
    m_uncounted.flushAll(out);
}

void FileCountWindows::closeFront(const BootClock &clock, QList<Format::Event> &out)
{
    const auto [firstMono, key] = std::move(m_opened.front());
    m_opened.pop_front();
    const auto it = m_pending.constFind(key);
    if (it == m_pending.cend() || it->firstMono != firstMono) // replaced by a later record of the same key
        return;
    Window window = m_pending.take(key);
    flight_file_count count = {};
    if (bpf_map_lookup_and_delete_elem(m_countsFd, key.constData(), &count) != 0)
        count = {1, quint64(window.firstMono), quint64(window.firstMono)}; // the record itself is one access
    const qint64 lastMono = std::max(qint64(count.last_ns), window.firstMono);
    if (window.pathMissing) {
        out.append({clock.toRealtime(window.firstMono), window.firstMono,
                    Format::RecorderLoss{u"file.ebpf"_s, qint64(count.count), Format::LossUnit::Events,
                                         u"path of an access could not be read"_s,
                                         lastMono > window.firstMono ? std::optional(clock.toRealtime(lastMono))
                                                                     : std::nullopt,
                                         lastMono > window.firstMono ? std::optional(lastMono) : std::nullopt,
                                         {}, {}}});
        return;
    }
    if (!window.accepted)
        return;
    if (count.count > 1)
        window.access.repeat = Format::Repeat{qint64(count.count), clock.toRealtime(lastMono), lastMono};
    out.append({clock.toRealtime(window.firstMono), window.firstMono, std::move(window.access)});
}

} // namespace Flight::Capture
