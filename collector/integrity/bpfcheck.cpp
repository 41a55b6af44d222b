// SPDX-License-Identifier: GPL-3.0-or-later
#include "bpfcheck.h"

#include "hostfiles.h"
#include "statediff.h"

#include <algorithm>
#include <cerrno>
#include <limits>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

long bpf(int command, bpf_attr &attr)
{
    long result = 0;
    do {
        result = ::syscall(__NR_bpf, command, &attr, sizeof attr);
    } while (result < 0 && errno == EINTR);
    return result;
}

Error bpfError(const char *command, int error)
{
    return Error{u"bpf(%1): %2"_s.arg(QLatin1StringView(command), errnoText(error))};
}

// Fills `program` from the open program `fd`; false with errno set on failure.
bool programInfo(int fd, BpfProgram &program)
{
    std::vector<quint32> ids(64);
    for (int attempt = 0; attempt < 2; ++attempt) {
        bpf_prog_info info = {};
        info.nr_map_ids = quint32(ids.size());
        info.map_ids = quint64(quintptr(ids.data()));
        bpf_attr attr = {};
        attr.info.bpf_fd = quint32(fd);
        attr.info.info_len = sizeof info;
        attr.info.info = quint64(quintptr(&info));
        if (bpf(BPF_OBJ_GET_INFO_BY_FD, attr) < 0)
            return false;
        if (info.nr_map_ids > ids.size() && attempt == 0 && info.nr_map_ids <= kMaxMapIds) {
            ids.resize(info.nr_map_ids);
            continue;
        }
        const quint32 count = std::min<quint32>(info.nr_map_ids, quint32(ids.size()));
        program.mapIds = QList<quint32>(ids.begin(), ids.begin() + count);
        info.map_ids = 0;
        info.nr_map_ids = count;
        program.info = info;
        break;
    }
    return true;
}

} // namespace

QString bpfProgTypeName(quint32 type)
{
    // Numbered as in the kernel's enum bpf_prog_type, which only ever grows; names as libbpf prints them.
    static const char *const names[] = {"unspec",
                                        "socket_filter",
                                        "kprobe",
                                        "sched_cls",
                                        "sched_act",
                                        "tracepoint",
                                        "xdp",
                                        "perf_event",
                                        "cgroup_skb",
                                        "cgroup_sock",
                                        "lwt_in",
                                        "lwt_out",
                                        "lwt_xmit",
                                        "sock_ops",
                                        "sk_skb",
                                        "cgroup_device",
                                        "sk_msg",
                                        "raw_tracepoint",
                                        "cgroup_sock_addr",
                                        "lwt_seg6local",
                                        "lirc_mode2",
                                        "sk_reuseport",
                                        "flow_dissector",
                                        "cgroup_sysctl",
                                        "raw_tracepoint_writable",
                                        "cgroup_sockopt",
                                        "tracing",
                                        "struct_ops",
                                        "ext",
                                        "lsm",
                                        "sk_lookup",
                                        "syscall",
                                        "netfilter"};
    if (type < std::size(names))
        return QString::fromLatin1(names[type]);
    return u"type_%1"_s.arg(type);
}

Format::StateItem bpfProgramItem(const bpf_prog_info &info, const QList<quint32> &mapIds, qint64 realtimeMinusBoottime,
                                 bool own)
{
    QList<quint32> sorted = mapIds.first(std::min<qsizetype>(mapIds.size(), kMaxMapIds));
    std::sort(sorted.begin(), sorted.end());
    QStringList maps;
    for (quint32 id : sorted)
        maps.append(QString::number(id));
    const qint64 loaded = qint64(std::min<quint64>(info.load_time, quint64(std::numeric_limits<qint64>::max() / 2)));
    return {
        QString::number(info.id),
        {{u"type"_s, bpfProgTypeName(info.type)},
         {u"name"_s, itemText(cField(reinterpret_cast<const char *>(info.name), sizeof info.name))},
         {u"tag"_s, QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(info.tag), sizeof info.tag).toHex())},
         {u"loaded_ts"_s, std::max<qint64>(0, loaded + realtimeMinusBoottime)},
         {u"uid"_s, qint64(info.created_by_uid)},
         {u"map_ids"_s, maps.join(u',')},
         {u"own"_s, own}}};
}

Expected<QList<BpfProgram>> readBpfPrograms()
{
    QList<BpfProgram> programs;
    quint32 id = 0;
    while (programs.size() < kMaxBpfPrograms) {
        bpf_attr next = {};
        next.start_id = id;
        if (bpf(BPF_PROG_GET_NEXT_ID, next) < 0) {
            if (errno == ENOENT)
                break;
            return bpfError("BPF_PROG_GET_NEXT_ID", errno);
        }
        id = next.next_id;
        bpf_attr get = {};
        get.prog_id = id;
        const int fd = int(bpf(BPF_PROG_GET_FD_BY_ID, get));
        if (fd < 0) {
            if (errno == ENOENT)
                continue; // unloaded meanwhile
            return bpfError("BPF_PROG_GET_FD_BY_ID", errno);
        }
        BpfProgram program;
        const bool ok = programInfo(fd, program);
        const int error = errno;
        ::close(fd);
        if (!ok)
            return bpfError("BPF_OBJ_GET_INFO_BY_FD", error);
        programs.append(std::move(program));
    }
    return programs;
}

BpfCheck::BpfCheck(std::function<QSet<quint32>()> ownPrograms)
    : m_ownPrograms(std::move(ownPrograms))
{
}

Expected<QList<Format::StateItem>> BpfCheck::observe()
{
    const auto programs = readBpfPrograms();
    if (!programs)
        return programs.error();
    const QSet<quint32> own = m_ownPrograms ? m_ownPrograms() : QSet<quint32>();
    const qint64 before = boottimeNs();
    const qint64 realtime = realtimeNs();
    const qint64 offset = realtime - (before + boottimeNs()) / 2;
    QList<Format::StateItem> items;
    for (const BpfProgram &p : *programs)
        items.append(bpfProgramItem(p.info, p.mapIds, offset, own.contains(p.info.id)));
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
