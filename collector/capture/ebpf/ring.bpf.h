/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every BPF object of the collector has: the load-time settings it shares, one ring buffer for its records, the
 * per-CPU loss slots and the helpers that count a failed reservation and fill a process key. Included once per
 * object (process.bpf.c, net.bpf.c); userspace reads both maps the same way (LossReader). */
#ifndef FLIGHT_RING_BPF_H
#define FLIGHT_RING_BPF_H

#include "processrecord.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

/* Set by userspace before loading. */
const volatile __u32 self_tgid = 0; /* a process whose own events are left out; 0: none */
/* scope = namespace: the inode number of the collector's pid namespace. Only processes whose pid namespace it is are
 * recorded, under their pids in it (as its /proc shows them); 0: every process, under its global pid. */
const volatile __u32 pidns_inum = 0;
/* Wake the consumer only once this much data waits (userspace: a quarter of the ring); below that it finds the
 * records at its next timed poll. A wakeup is an irq_work per record, which costs microseconds in a VM. */
const volatile __u64 wakeup_bytes = 0;

/* Bumped by userspace after each read of `losses` (see flight_loss_slot). Starts at 1 so a slot's 0 never matches. */
__u64 loss_epoch = 1;

struct
{
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 8 * 1024 * 1024); /* userspace sets the configured size */
} events SEC(".maps");

struct
{
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct flight_loss_slot);
} losses SEC(".maps");

static __always_inline __u64 ring_flags(void)
{
    return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

static __always_inline void count_loss(void)
{
    __u32 zero = 0;
    struct flight_loss_slot *slot = bpf_map_lookup_elem(&losses, &zero);
    if (!slot)
        return;
    __u64 now = bpf_ktime_get_boot_ns();
    __u64 epoch = *(volatile __u64 *)&loss_epoch;
    if (slot->epoch != epoch) {
        slot->epoch = epoch;
        slot->first_ns = now;
    }
    slot->last_ns = now;
    slot->count++;
}

/* The thread-group id of `task` as the collector names it: global, or under pidns_inum its pid in that namespace, and
 * 0 when the task is in another pid namespace (an ancestor's, or a child's). */
static __always_inline __u32 flight_tgid(struct task_struct *task)
{
    if (!pidns_inum)
        return BPF_CORE_READ(task, tgid);
    struct pid *pid = BPF_CORE_READ(task, group_leader, thread_pid);
    if (!pid)
        return 0;
    unsigned int level = BPF_CORE_READ(pid, level);
    struct upid upid = {};
    if (bpf_probe_read_kernel(&upid, sizeof(upid), &pid->numbers[level & 31]) != 0)
        return 0;
    return BPF_CORE_READ(upid.ns, ns.inum) == pidns_inum ? (__u32)upid.nr : 0;
}

/* Whether the events of the process `tgid` (flight_tgid()) are left out: the collector's own, or out of scope. */
static __always_inline bool not_recorded(__u32 tgid)
{
    return (pidns_inum && tgid == 0) || (self_tgid && tgid == self_tgid);
}

static __always_inline void fill_key(struct flight_key *key, struct task_struct *task)
{
    key->pid = 0;
    key->reserved = 0;
    key->start_ns = 0;
    if (!task)
        return;
    key->pid = flight_tgid(task);
    if (key->pid) /* a parent outside the namespace stays the zero key */
        key->start_ns = BPF_CORE_READ(task, group_leader, start_boottime);
}

#endif
