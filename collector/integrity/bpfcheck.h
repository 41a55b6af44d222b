// SPDX-License-Identifier: GPL-3.0-or-later
// The `bpf` check: the kernel's BPF program inventory through the bpf(2) syscall (BPF_PROG_GET_NEXT_ID,
// BPF_PROG_GET_FD_BY_ID, BPF_OBJ_GET_INFO_BY_FD), raw, so the library needs neither libbpf nor the eBPF build.
// Items: id = program id; type (libbpf's names, "socket_filter"; unknown types "type_<n>"), name, tag (16 hex),
// loaded_ts (the kernel's load_time, CLOCK_BOOTTIME ns, made UTC ns with the REALTIME - BOOTTIME offset measured
// at the observation), uid, map_ids (ascending ids joined by ","; "" when none; at most kMaxMapIds), own (the id
// is one of the collector's, from the provider given at construction).
// The root prefix does not apply: programs live in the kernel, not in a file tree (tests use the pure conversion).
// Needs CAP_SYS_ADMIN (or CAP_BPF); without it observe() fails with "bpf(...): operation not permitted". A program
// unloaded while it is read is skipped.
#pragma once

#include "integritycheck.h"

#include <linux/bpf.h>

namespace Flight::Integrity {

struct BpfProgram
{
    bpf_prog_info info = {};
    QList<quint32> mapIds;
};

inline constexpr qsizetype kMaxBpfPrograms = 65536;
inline constexpr qsizetype kMaxMapIds = 1024;

// libbpf's name of a program type ("socket_filter", "kprobe", ...), "type_<n>" for a type this build does not know.
QString bpfProgTypeName(quint32 type);

// The item of one program. Pure: `realtimeMinusBoottime` is CLOCK_REALTIME - CLOCK_BOOTTIME in ns.
Format::StateItem bpfProgramItem(const bpf_prog_info &info, const QList<quint32> &mapIds, qint64 realtimeMinusBoottime,
                                 bool own);

// Every loaded program, ascending by id.
Expected<QList<BpfProgram>> readBpfPrograms();

class BpfCheck : public IntegrityCheck
{
public:
    explicit BpfCheck(std::function<QSet<quint32>()> ownPrograms = {});
    QString name() const override { return QStringLiteral("bpf"); }
    Expected<QList<Format::StateItem>> observe() override;

private:
    std::function<QSet<quint32>()> m_ownPrograms;
};

} // namespace Flight::Integrity
