/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Credential changes (proc.cred). No tracepoint marks commit_creds(), kprobes may be compiled out (they are on this
 * project's reference kernel: CONFIG_KPROBES is not set) and fentry needs the tracing program type, so the hook is
 * the raw syscall tracepoints: sys_enter remembers a thread's ids when it enters one of the set*id calls, sys_exit
 * compares them with the ids after the call and reports a change. For every other system call sys_enter returns
 * after comparing the number and sys_exit after reading one global counter. Covered: setuid, setgid, setreuid,
 * setregid, setresuid, setresgid (native, and the 16/32-bit ia32 variants on x86_64); exec-time changes (setuid
 * binaries) are in the exec record; setfsuid and capset change nothing proc.cred carries. A change is reported per
 * thread (glibc's setuid() runs the call on every thread); the decoder folds the repeats of one process into one event.
 * Included once, by process.bpf.c. */
#ifndef FLIGHT_CREDS_BPF_H
#define FLIGHT_CREDS_BPF_H

#include "common.bpf.h"

/* The ids of a thread at the entry of a set*id call, until its exit. LRU: a thread killed inside the call leaves
 * an entry that ages out. */
struct
{
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 16384);
    __type(key, __u32); /* thread id */
    __type(value, struct ids);
} cred_enter SEC(".maps");

/* Threads between the entry and the exit of a set*id call, system-wide: while it is 0, sys_exit returns at once. A
 * thread killed inside the call, or an entry the LRU evicted, leaves it high, which only costs sys_exit a lookup. */
__u64 set_id_pending = 0;

static __always_inline bool is_set_id_call(long nr)
{
#if defined(__TARGET_ARCH_x86)
    bool native = nr == 105 || nr == 106 || nr == 113 || nr == 114 || nr == 117 || nr == 119;
    bool compat = nr == 23 || nr == 46 || nr == 70 || nr == 71 || nr == 164 || nr == 170 || nr == 203 || nr == 204
        || nr == 208 || nr == 210 || nr == 213 || nr == 214;
    if (!native && !compat) /* every other system call ends here, without a helper call */
        return false;
    struct thread_info___x86 *ti = (void *)bpf_get_current_task();
    bool ia32 = bpf_core_field_exists(ti->status) && (BPF_CORE_READ(ti, status) & TS_COMPAT);
    return ia32 ? compat : native;
#elif defined(__TARGET_ARCH_arm64)
    return nr == 143 || nr == 144 || nr == 145 || nr == 146 || nr == 147 || nr == 149;
#else
#error "set*id system call numbers are not known for this architecture"
#endif
}

SEC("raw_tp/sys_enter")
int flight_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
    if (!is_set_id_call((long)ctx->args[1]))
        return 0;
    struct ids ids;
    read_ids(&ids, (struct task_struct *)bpf_get_current_task());
    __u32 tid = (__u32)bpf_get_current_pid_tgid();
    if (bpf_map_update_elem(&cred_enter, &tid, &ids, BPF_ANY) == 0)
        __sync_fetch_and_add(&set_id_pending, 1);
    return 0;
}

/* The exit of the call a thread entered in sys_enter: its entry in cred_enter says which one it was. */
SEC("raw_tp/sys_exit")
int flight_sys_exit(struct bpf_raw_tracepoint_args *ctx __attribute__((unused)))
{
    if (*(volatile __u64 *)&set_id_pending == 0)
        return 0;
    __u64 pid_tgid = bpf_get_current_pid_tgid();
    __u32 tid = (__u32)pid_tgid, tgid = (__u32)(pid_tgid >> 32);
    struct ids *entered = bpf_map_lookup_elem(&cred_enter, &tid);
    if (!entered)
        return 0;
    struct ids before = *entered, after;
    if (bpf_map_delete_elem(&cred_enter, &tid) == 0)
        __sync_fetch_and_add(&set_id_pending, -1);
    struct task_struct *task = (struct task_struct *)bpf_get_current_task();
    read_ids(&after, task);
    if (before.uid == after.uid && before.euid == after.euid && before.gid == after.gid && before.egid == after.egid)
        return 0;
    if (self_tgid && tgid == self_tgid)
        return 0;

    struct flight_cred_record *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
    if (!r) {
        count_loss();
        return 0;
    }
    fill_header(&r->h, FLIGHT_RECORD_CRED, sizeof(*r), task, false);
    r->uid = after.uid;
    r->euid = after.euid;
    r->gid = after.gid;
    r->egid = after.egid;
    r->prev_uid = before.uid;
    r->prev_euid = before.euid;
    r->prev_gid = before.gid;
    r->prev_egid = before.egid;
    bpf_ringbuf_submit(r, ring_flags());
    return 0;
}

#endif
