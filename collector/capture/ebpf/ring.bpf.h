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

static __always_inline void fill_key(struct flight_key *key, struct task_struct *task)
{
    key->pid = 0;
    key->reserved = 0;
    key->start_ns = 0;
    if (!task)
        return;
    key->pid = BPF_CORE_READ(task, tgid);
    key->start_ns = BPF_CORE_READ(task, group_leader, start_boottime);
}

#endif
