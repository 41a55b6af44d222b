/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the programs of process.bpf.c share beyond ring.bpf.h (ring buffer, losses, keys): their own load-time
 * settings, the exec scratch map and the helpers that fill record headers and read credentials. Included once, by
 * process.bpf.c. */
#ifndef FLIGHT_COMMON_BPF_H
#define FLIGHT_COMMON_BPF_H

#include "paths.bpf.h"
#include "processrecord.h"
#include "ring.bpf.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

/* Set by userspace before loading (and self_tgid, wakeup_bytes of ring.bpf.h). */
const volatile bool exit_has_group_dead = false; /* sched_process_exit passes group_dead (Linux 6.16+) */
const volatile bool read_environment = true;

#define SIGNAL_GROUP_EXIT 0x00000004 /* include/linux/sched/signal.h; macros are not in BTF */

/* An exec record is assembled here, then copied into the ring buffer at its real size. Indexed by CPU: raw
 * tracepoint programs run with preemption disabled, so one CPU's slot has one user at a time. A plain array,
 * because per-CPU map values are limited to 32 KiB. */
struct exec_scratch
{
    struct flight_exec_record rec;
    char data[FLIGHT_ARGV_MAX + 3 * FLIGHT_PATH_MAX + FLIGHT_ENV_MAX];
    struct flight_path_work work;
};

struct
{
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1); /* userspace sets the number of possible CPUs */
    __type(key, __u32);
    __type(value, struct exec_scratch);
} scratch SEC(".maps");

struct ids
{
    __u32 uid, euid, gid, egid;
};

/* CONFIG_AUDIT fields, as a flavour so that a kernel without them still loads the object. */
struct task_struct___audit
{
    kuid_t loginuid;
    unsigned int sessionid;
} __attribute__((preserve_access_index));

static __always_inline void fill_header(struct flight_header *h, __u32 kind, __u32 size, struct task_struct *task,
                                        bool with_parent)
{
    h->kind = kind;
    h->size = size;
    h->mono_ns = bpf_ktime_get_boot_ns();
    fill_key(&h->proc, task);
    fill_key(&h->parent, with_parent ? BPF_CORE_READ(task, real_parent) : 0);
}

static __always_inline void read_ids(struct ids *ids, struct task_struct *task)
{
    const struct cred *cred = BPF_CORE_READ(task, real_cred);
    ids->uid = BPF_CORE_READ(cred, uid.val);
    ids->euid = BPF_CORE_READ(cred, euid.val);
    ids->gid = BPF_CORE_READ(cred, gid.val);
    ids->egid = BPF_CORE_READ(cred, egid.val);
}

static __always_inline __u32 tty_nr(struct task_struct *task)
{
    struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
    if (!tty)
        return 0;
    __u32 major = BPF_CORE_READ(tty, driver, major);
    __u32 minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
    return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12); /* new_encode_dev() */
}

/* Descriptors 0, 1 and 2 of `task` (current, after exec closed its close-on-exec ones): mode and device of each
 * open one's inode. */
static __always_inline void read_stdio(struct flight_exec_record *r, struct task_struct *task)
{
    struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
    __u32 max_fds = fdt ? BPF_CORE_READ(fdt, max_fds) : 0;
    struct file **fds = fdt ? BPF_CORE_READ(fdt, fd) : NULL;
    r->stdio_flags = 0;
#pragma unroll
    for (__u32 i = 0; i < 3; ++i) {
        struct file *f = NULL;
        r->stdio_mode[i] = 0;
        r->stdio_rdev[i] = 0;
        if (!fds || i >= max_fds)
            continue;
        if (bpf_probe_read_kernel(&f, sizeof(f), &fds[i]) != 0) {
            r->stdio_flags |= FLIGHT_STDIO_UNREADABLE << i;
            continue;
        }
        if (!f)
            continue;
        struct inode *inode = BPF_CORE_READ(f, f_inode);
        r->stdio_flags |= FLIGHT_STDIO_OPEN << i;
        r->stdio_mode[i] = inode ? BPF_CORE_READ(inode, i_mode) : 0;
        r->stdio_rdev[i] = inode ? BPF_CORE_READ(inode, i_rdev) : 0;
        if (!inode)
            r->stdio_flags |= FLIGHT_STDIO_UNREADABLE << i;
    }
}

#endif
