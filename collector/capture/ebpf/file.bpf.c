/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File access capture in the kernel (DESIGN.md "Capture", FORMAT.md file.access), aggregated where it happens so that
 * a process reopening a file pays a hash-map update, not an event (fanotify builds one inside every open, about 1.45x
 * the CPU of an open+close loop, tests/bench/README.md):
 *  - open and open-for-exec at the return of security_file_open (fexit: an open a security module refuses is not
 *    one), path by bpf_d_path() at the time of the access;
 *  - close-after-write (FAN_CLOSE_WRITE's meaning) at __fput of a file opened for writing: the last close. bpf_d_path()
 *    is not allowed there, so the path is the dentry walk of paths.bpf.h, written straight into the record.
 * Only files on the filesystems userspace put into `devices` (the real local ones, as fanotify marks them), not
 * directories, never the collector's own (self_tgid) or, under scope = namespace, other pid namespaces' processes.
 * `counts` holds one entry per (process, device, inode, operation): the first access creates it and writes a record
 * with the path; later ones only add to its count. Userspace closes the entry's window with
 * bpf_map_lookup_and_delete_elem() and reads the count; the next access starts a new entry and a new record. When the
 * map is full the record is marked FLIGHT_FILE_UNCOUNTED and stands for that one access (counted in `uncounted`). A
 * record that does not fit the ring buffer is counted in `losses` and its entry is never created. */
#include "filerecord.h"
#include "paths.bpf.h"
#include "ring.bpf.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

#define FMODE_WRITE 0x2 /* include/linux/fs.h; macros are not in BTF */
#define FMODE_EXEC 0x20 /* in f_flags as __FMODE_EXEC for an open by exec */
#define S_IFMT 00170000
#define S_IFDIR 0040000
#define EEXIST 17

/* fileverify.bpf.c builds the same programs on a tracepoint that passes a struct file * too, so that a test can run
 * them through the verifier where the kernel refuses trampolines (bpf_d_path is allowed on neither tracepoint). */
#ifdef FLIGHT_FILE_VERIFY_ONLY
#define FLIGHT_OPEN_HOOK "tp_btf/file_check_and_advance_wb_err"
#define FLIGHT_CLOSE_HOOK "tp_btf/file_check_and_advance_wb_err"
#define flight_d_path(path, buf, size) ((void)(path), (void)(buf), (long)(size))
#else
#define FLIGHT_OPEN_HOOK "fexit/security_file_open"
#define FLIGHT_CLOSE_HOOK "fentry/__fput"
#define flight_d_path bpf_d_path
#endif

/* The s_dev of every filesystem whose files are recorded; userspace keeps it in step with mountinfo. */
struct
{
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u8);
} devices SEC(".maps");

/* Not preallocated: an entry deleted by userspace is freed after an RCU grace period, so a program still holding it
 * adds to a dead entry, never to another key's reused one. */
struct
{
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __uint(max_entries, 65536); /* userspace sets the configured size */
    __type(key, struct flight_file_key);
    __type(value, struct flight_file_count);
} counts SEC(".maps");

/* Accesses recorded one by one because `counts` was full. */
__u64 uncounted = 0;

/* Set by userspace before loading: false (file_aggregate_window = 0) makes every access a record of its own. */
const volatile bool aggregate = true;

#define RECORD_HEAD (sizeof(struct flight_file_record) - sizeof(((struct flight_file_record *)0)->data))

/* The key of `op` on `file` by the current process, or false when it is not recorded. */
static __always_inline bool key_of(struct file *file, __u32 op, struct flight_file_key *key)
{
    /* The cheap test first; under scope = namespace self_tgid is a pid in that namespace (not_recorded below). */
    if (!pidns_inum && self_tgid && (__u32)(bpf_get_current_pid_tgid() >> 32) == self_tgid)
        return false;
    struct inode *inode = BPF_CORE_READ(file, f_inode);
    if (!inode)
        return false;
    __u32 dev = BPF_CORE_READ(inode, i_sb, s_dev);
    if (!bpf_map_lookup_elem(&devices, &dev))
        return false;
    if ((BPF_CORE_READ(inode, i_mode) & S_IFMT) == S_IFDIR)
        return false;
    struct task_struct *task = (struct task_struct *)bpf_get_current_task();
    fill_key(&key->proc, task);
    if (not_recorded(key->proc.pid))
        return false;
    key->ino = BPF_CORE_READ(inode, i_ino);
    key->dev = dev;
    key->op = op;
    return true;
}

static __always_inline bool add_to_count(const struct flight_file_key *key, __u64 now)
{
    if (!aggregate)
        return false;
    struct flight_file_count *c = bpf_map_lookup_elem(&counts, key);
    if (!c)
        return false;
    __sync_fetch_and_add(&c->count, 1);
    c->last_ns = now;
    return true;
}

/* The first access of its key: creates the entry. The record is reserved first, so that an entry always has its
 * record; false (record discarded) when another CPU created the entry meanwhile and the access was added to it. */
static __always_inline bool start_count(struct flight_file_record *r, __u64 now)
{
    if (!aggregate) {
        r->flags |= FLIGHT_FILE_UNCOUNTED;
        return true;
    }
    struct flight_file_count fresh = {.count = 1, .first_ns = now, .last_ns = now};
    long err = bpf_map_update_elem(&counts, &r->key, &fresh, BPF_NOEXIST);
    if (err == -EEXIST && add_to_count(&r->key, now))
        return false;
    if (err) {
        r->flags |= FLIGHT_FILE_UNCOUNTED;
        __sync_fetch_and_add(&uncounted, 1);
    }
    return true;
}

static __always_inline void fill_head(struct flight_file_record *r, __u32 size, const struct flight_file_key *key,
                                      __u64 now)
{
    r->kind = FLIGHT_RECORD_FILE;
    r->size = size;
    r->mono_ns = now;
    r->key = *key;
    r->flags = 0;
    r->path_off = 0;
    r->path_len = 0;
}

static __always_inline void opened(struct file *file, __u32 op)
{
    struct flight_file_key key = {};
    if (!key_of(file, op, &key))
        return;
    __u64 now = bpf_ktime_get_boot_ns();
    if (add_to_count(&key, now))
        return;
    const __u32 size = RECORD_HEAD + FLIGHT_PATH_MAX;
    struct flight_file_record *r = bpf_ringbuf_reserve(&events, size, 0);
    if (!r) {
        count_loss();
        return;
    }
    fill_head(r, size, &key, now);
    if (!start_count(r, now)) {
        bpf_ringbuf_discard(r, BPF_RB_NO_WAKEUP);
        return;
    }
    long n = flight_d_path((struct path *)&file->f_path, r->data, FLIGHT_PATH_MAX);
    if (n > 1 && n <= FLIGHT_PATH_MAX)
        r->path_len = (__u16)(n - 1);
    else
        r->flags |= FLIGHT_FILE_PATH_INCOMPLETE;
    bpf_ringbuf_submit(r, ring_flags());
}

SEC(FLIGHT_OPEN_HOOK)
int BPF_PROG(flight_file_open, struct file *file, int ret)
{
    (void)ctx;
    if (ret != 0)
        return 0;
    opened(file, (BPF_CORE_READ(file, f_flags) & FMODE_EXEC) ? FLIGHT_FILE_EXEC : FLIGHT_FILE_OPEN);
    return 0;
}

SEC(FLIGHT_CLOSE_HOOK)
int BPF_PROG(flight_file_close, struct file *file)
{
    (void)ctx;
    if (!(BPF_CORE_READ(file, f_mode) & FMODE_WRITE))
        return 0;
    struct flight_file_key key = {};
    if (!key_of(file, FLIGHT_FILE_WRITE, &key))
        return 0;
    __u64 now = bpf_ktime_get_boot_ns();
    if (add_to_count(&key, now))
        return 0;
    const __u32 size = sizeof(struct flight_file_record);
    struct flight_file_record *r = bpf_ringbuf_reserve(&events, size, 0);
    if (!r) {
        count_loss();
        return 0;
    }
    fill_head(r, size, &key, now);
    if (!start_count(r, now)) {
        bpf_ringbuf_discard(r, BPF_RB_NO_WAKEUP);
        return 0;
    }
    bool complete = false;
    __u32 pos = flight_walk_path((struct flight_path_work *)r->data, &file->f_path, &complete);
    if (complete && pos < FLIGHT_PATH_MAX) {
        r->path_off = (__u16)pos;
        r->path_len = (__u16)(FLIGHT_PATH_MAX - pos);
    } else {
        r->flags |= FLIGHT_FILE_PATH_INCOMPLETE;
    }
    bpf_ringbuf_submit(r, ring_flags());
    return 0;
}
