/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The records process.bpf.c writes into the ring buffer, shared by the BPF program (C, vmlinux.h types) and the
 * userspace decoder (C++, <linux/types.h>). Plain C, fixed-width fields, no padding holes: the decoder checks every
 * record's size against these layouts before it reads a field. Changing a layout is a change of both sides at once;
 * both are built from this header in one build. */
#ifndef FLIGHT_PROCESSRECORD_H
#define FLIGHT_PROCESSRECORD_H

#ifdef __bpf__
#include "vmlinux.h"
#else
#include <linux/types.h>
#endif

/* Sizes of the sections of an exec record. The BPF program reads at most this much; userspace knows the limits. */
#define FLIGHT_ARGV_MAX (128 * 1024) /* the argument area (mm->arg_start..arg_end) */
#define FLIGHT_ENV_MAX (32 * 1024) /* the environment area (mm->env_start..env_end), filtered in userspace */
#define FLIGHT_PATH_MAX 4096 /* exe, cwd and cgroup paths, built by walking dentries / kernfs nodes */
#define FLIGHT_COMM_LEN 16

enum flight_record_kind {
    FLIGHT_RECORD_EXEC = 1,
    FLIGHT_RECORD_FORK = 2,
    FLIGHT_RECORD_EXIT = 3,
};

/* flight_exec_record.flags */
enum flight_exec_flag {
    FLIGHT_EXEC_ARGV_TRUNCATED = 1 << 0, /* the argument area was larger than FLIGHT_ARGV_MAX */
    FLIGHT_EXEC_ARGV_FAULT = 1 << 1, /* reading the argument area failed; userspace falls back to /proc */
    FLIGHT_EXEC_EXE_INCOMPLETE = 1 << 2, /* the dentry walk of the executable did not reach the root */
    FLIGHT_EXEC_CWD_INCOMPLETE = 1 << 3,
    FLIGHT_EXEC_CGROUP_INCOMPLETE = 1 << 4,
    FLIGHT_EXEC_NO_EXE = 1 << 5, /* no mm or no executable file (should not happen after a successful exec) */
    FLIGHT_EXEC_NO_CWD = 1 << 6,
    /* The executable (the working directory) has no name on any mount: it was unlinked, or never linked (memfd). Its
     * section holds its last name ("/memfd:NAME" for a memfd); d_path() and /proc show it followed by " (deleted)". */
    FLIGHT_EXEC_EXE_UNLINKED = 1 << 7,
    FLIGHT_EXEC_CWD_UNLINKED = 1 << 8,
};

/* flight_exec_record.stdio_flags: bit N for descriptor N */
enum flight_stdio_flag {
    FLIGHT_STDIO_OPEN = 1 << 0, /* shifted by the descriptor number: it is open */
    FLIGHT_STDIO_UNREADABLE = 1 << 4, /* shifted by the descriptor number: its table slot could not be read */
};

/* A process key as the kernel knows it: the thread-group id and the leader's start_boottime in ns. */
struct flight_key
{
    __u32 pid;
    __u32 reserved;
    __u64 start_ns;
};

struct flight_header
{
    __u32 kind; /* enum flight_record_kind */
    __u32 size; /* the whole record in bytes, header included */
    __u64 mono_ns; /* bpf_ktime_get_boot_ns() at the event */
    struct flight_key proc;
    struct flight_key parent; /* real_parent at the event; zero for exit */
};

struct flight_fork_record
{
    struct flight_header h;
    char comm[FLIGHT_COMM_LEN];
};

struct flight_exit_record
{
    struct flight_header h;
    __u32 exit_code; /* wait status: signal in bits 0-6, core in bit 7, status in bits 8-15 */
    __u32 reserved;
};

/* Followed by argv_len + exe_len + cwd_len + cgroup_len + env_len bytes of data, in that order. argv and env are the
 * raw NUL-separated areas; the paths carry no NUL. */
struct flight_exec_record
{
    struct flight_header h;
    __u32 uid, euid, gid, egid;
    __u32 loginuid, sessionid; /* 0xffffffff: unset */
    __u32 tty_nr; /* new_encode_dev() of the controlling tty, as /proc/<pid>/stat field 7; 0: none */
    __u32 flags; /* enum flight_exec_flag */
    __u64 arg_area; /* mm->arg_end - mm->arg_start */
    __u64 cgroup_id;
    __u32 argv_len, exe_len, cwd_len, cgroup_len, env_len;
    __u32 reserved;
    char comm[FLIGHT_COMM_LEN];
    /* The executed file as the kernel had it, so userspace can prove the file it hashes is that one; 0: unknown. */
    __u64 exe_inode;
    __s64 exe_mtime_ns, exe_ctime_ns;
    /* The executed inode's i_mode (type, permissions, setuid/setgid), valid when exe_inode is not 0. Descriptors 0,
     * 1 and 2 after the exec: their inodes' i_mode and i_rdev (the kernel's dev_t: major << 20 | minor). */
    __u32 exe_mode;
    __u32 stdio_rdev[3];
    __u16 stdio_mode[3];
    __u16 stdio_flags; /* enum flight_stdio_flag */
};

/* One slot per CPU in the loss map: ring-buffer reservations that failed. `epoch` is the value of the program's
 * loss_epoch when this run of failures began (userspace bumps loss_epoch after each read), `first_ns` that time. */
struct flight_loss_slot
{
    __u64 count; /* cumulative, never reset */
    __u64 epoch;
    __u64 first_ns;
    __u64 last_ns;
};

#endif
