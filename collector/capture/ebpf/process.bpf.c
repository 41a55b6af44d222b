/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Process capture in the kernel (DESIGN.md "Capture", FORMAT.md §2): the raw tracepoints sched_process_exec, fork
 * and exit, nothing else (kprobes and fentry may be missing: this kernel family is often built without
 * CONFIG_KPROBES, and raw tracepoints need neither). No program hooks a system call: sys_enter/sys_exit would put
 * every system call of the machine on the kernel's slow path, so credential changes come from the proc connector
 * in user space (proccredreader.h). Records go to one ring buffer in the layouts of processrecord.h; a record that does
 * not fit is counted in `losses` with the time of the first and last failure, never dropped silently. Everything an
 * exec event needs (argv, exe, cwd, cgroup, environment) is read here, at the event, so a process that lives for a
 * millisecond is still complete. */
#include "common.bpf.h"
#include "inode.bpf.h"
#include "paths.bpf.h"
#include "processrecord.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

/* Copies work[pos .. FLIGHT_PATH_MAX) to data[off]; returns the length copied. */
static __always_inline __u32 put_path(struct exec_scratch *s, __u32 off, __u32 pos)
{
    pos &= FLIGHT_PATH_MAX - 1;
    __u32 len = FLIGHT_PATH_MAX - pos;
    if (len > FLIGHT_PATH_MAX - 1)
        return 0;
    if (off > FLIGHT_ARGV_MAX + 2 * FLIGHT_PATH_MAX)
        return 0;
    if (bpf_probe_read_kernel(&s->data[off], len, &s->work.buf[pos]) != 0)
        return 0;
    return len;
}

SEC("raw_tp/sched_process_exec")
int flight_exec(struct bpf_raw_tracepoint_args *ctx)
{
    struct task_struct *task = (struct task_struct *)ctx->args[0];
    struct linux_binprm *bprm = (struct linux_binprm *)ctx->args[2];
    if (not_recorded(flight_tgid(task)))
        return 0;

    __u32 cpu = bpf_get_smp_processor_id();
    struct exec_scratch *s = bpf_map_lookup_elem(&scratch, &cpu);
    if (!s) {
        count_loss();
        return 0;
    }
    struct flight_exec_record *r = &s->rec;
    fill_header(&r->h, FLIGHT_RECORD_EXEC, 0, task, true);
    struct ids ids;
    read_ids(&ids, task);
    r->uid = ids.uid;
    r->euid = ids.euid;
    r->gid = ids.gid;
    r->egid = ids.egid;
    struct task_struct___audit *audit = (void *)task;
    r->loginuid = bpf_core_field_exists(audit->loginuid) ? BPF_CORE_READ(audit, loginuid.val) : 0xffffffffu;
    r->sessionid = bpf_core_field_exists(audit->sessionid) ? BPF_CORE_READ(audit, sessionid) : 0xffffffffu;
    r->tty_nr = tty_nr(task);
    r->reserved = 0;
    BPF_CORE_READ_STR_INTO(&r->comm, task, comm);

    __u32 flags = 0;
    struct mm_struct *mm = BPF_CORE_READ(task, mm);
    __u64 arg_start = BPF_CORE_READ(mm, arg_start), arg_end = BPF_CORE_READ(mm, arg_end);
    __u64 area = arg_end > arg_start ? arg_end - arg_start : 0;
    __u32 len = area > FLIGHT_ARGV_MAX ? FLIGHT_ARGV_MAX : (__u32)area;
    if (area > FLIGHT_ARGV_MAX)
        flags |= FLIGHT_EXEC_ARGV_TRUNCATED;
    if (len && bpf_probe_read_user(s->data, len, (const void *)arg_start) != 0) {
        flags |= FLIGHT_EXEC_ARGV_FAULT;
        len = 0;
    }
    r->arg_area = area;
    r->argv_len = len;
    __u32 off = len;

    bool complete = false, unlinked = false;
    __u32 exe_len = 0, cwd_len = 0, cgroup_len = 0, env_len = 0;
    struct file *file = BPF_CORE_READ(bprm, file);
    struct inode *inode = file ? BPF_CORE_READ(file, f_inode) : NULL;
    r->exe_inode = inode ? BPF_CORE_READ(inode, i_ino) : 0;
    r->exe_mtime_ns = inode ? flight_inode_mtime(inode) : 0;
    r->exe_ctime_ns = inode ? flight_inode_ctime(inode) : 0;
    r->exe_mode = inode ? BPF_CORE_READ(inode, i_mode) : 0;
    read_stdio(r, task);
    if (file) {
        __u32 pos = flight_walk_path_named(&s->work, &file->f_path, &complete, &unlinked);
        if (complete)
            exe_len = put_path(s, off, pos);
        else
            flags |= FLIGHT_EXEC_EXE_INCOMPLETE;
        if (complete && unlinked)
            flags |= FLIGHT_EXEC_EXE_UNLINKED;
    } else {
        flags |= FLIGHT_EXEC_NO_EXE;
    }
    off += exe_len;

    struct fs_struct *fs = BPF_CORE_READ(task, fs);
    if (fs) {
        __u32 pos = flight_walk_path_named(&s->work, &fs->pwd, &complete, &unlinked);
        if (complete)
            cwd_len = put_path(s, off, pos);
        else
            flags |= FLIGHT_EXEC_CWD_INCOMPLETE;
        if (complete && unlinked)
            flags |= FLIGHT_EXEC_CWD_UNLINKED;
    } else {
        flags |= FLIGHT_EXEC_NO_CWD;
    }
    off += cwd_len;

    struct kernfs_node *kn = BPF_CORE_READ(task, cgroups, dfl_cgrp, kn);
    r->cgroup_id = kn ? BPF_CORE_READ(kn, id) : 0;
    if (kn) {
        __u32 pos = flight_walk_cgroup(&s->work, kn, &complete);
        if (complete)
            cgroup_len = put_path(s, off, pos);
        else
            flags |= FLIGHT_EXEC_CGROUP_INCOMPLETE;
    }
    off += cgroup_len;

    if (read_environment) {
        __u64 env_start = BPF_CORE_READ(mm, env_start), env_end = BPF_CORE_READ(mm, env_end);
        __u64 env_area = env_end > env_start ? env_end - env_start : 0;
        __u32 n = env_area > FLIGHT_ENV_MAX ? FLIGHT_ENV_MAX : (__u32)env_area;
        if (n && off <= FLIGHT_ARGV_MAX + 3 * FLIGHT_PATH_MAX
            && bpf_probe_read_user(&s->data[off], n, (const void *)env_start) == 0)
            env_len = n;
    }
    off += env_len;
    r->exe_len = exe_len;
    r->cwd_len = cwd_len;
    r->cgroup_len = cgroup_len;
    r->env_len = env_len;

    r->flags = flags;
    __u64 size = off;
    if (size > sizeof(s->data))
        size = sizeof(s->data);
    size += sizeof(*r);
    r->h.size = (__u32)size;
    if (bpf_ringbuf_output(&events, r, size, ring_flags()) != 0)
        count_loss();
    return 0;
}

SEC("raw_tp/sched_process_fork")
int flight_fork(struct bpf_raw_tracepoint_args *ctx)
{
    struct task_struct *child = (struct task_struct *)ctx->args[1];
    __u32 pid = BPF_CORE_READ(child, pid), tgid = BPF_CORE_READ(child, tgid);
    if (pid != tgid) /* CLONE_THREAD: a thread, not a process */
        return 0;
    if (pidns_inum && !flight_tgid(child))
        return 0;
    struct flight_fork_record *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
    if (!r) {
        count_loss();
        return 0;
    }
    fill_header(&r->h, FLIGHT_RECORD_FORK, sizeof(*r), child, true);
    BPF_CORE_READ_STR_INTO(&r->comm, child, comm);
    bpf_ringbuf_submit(r, ring_flags());
    return 0;
}

SEC("raw_tp/sched_process_exit")
int flight_exit(struct bpf_raw_tracepoint_args *ctx)
{
    struct task_struct *task = (struct task_struct *)ctx->args[0];
    bool group_dead;
    if (exit_has_group_dead)
        group_dead = ctx->args[1] != 0;
    else /* older kernels: do_exit() decrements signal->live before this tracepoint */
        group_dead = BPF_CORE_READ(task, signal, live.counter) == 0;
    if (!group_dead)
        return 0;
    if (not_recorded(flight_tgid(task)))
        return 0;
    struct flight_exit_record *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
    if (!r) {
        count_loss();
        return 0;
    }
    fill_header(&r->h, FLIGHT_RECORD_EXIT, sizeof(*r), task, false);
    /* What wait() reports for the process (wait_task_zombie): the group exit code after exit_group() or a fatal
     * signal, otherwise the leader's own code. */
    struct signal_struct *signal = BPF_CORE_READ(task, signal);
    if (BPF_CORE_READ(signal, flags) & SIGNAL_GROUP_EXIT)
        r->exit_code = BPF_CORE_READ(signal, group_exit_code);
    else
        r->exit_code = BPF_CORE_READ(task, group_leader, exit_code);
    r->reserved = 0;
    bpf_ringbuf_submit(r, ring_flags());
    return 0;
}
