/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Path building for process.bpf.c: the dentry walk of a struct path (exe, cwd) and the kernfs walk of a cgroup.
 * Raw tracepoint programs cannot call bpf_d_path(), so the walk is done here with a bounded loop, leaf to root,
 * writing each component right-aligned into `work` so that the finished path is work[pos .. FLIGHT_PATH_MAX).
 * A walk that does not reach the root within FLIGHT_PATH_COMPONENTS steps (or whose path would exceed
 * FLIGHT_PATH_MAX - 1 bytes) returns `complete = false`; the caller reports that, it never passes a partial path off
 * as a whole one. Paths are absolute in the mount namespace of the walk's topmost mount (the collector's, normally),
 * like readlink(/proc/<pid>/exe) seen from the initial namespace; a deleted file keeps its last name.
 * flight_walk_path_named() also says what d_path() says of a file no root reaches: an unlinked file, and a file that
 * never had a name on any mount (memfd_create), which flight_walk_path() reports incomplete. */
#ifndef FLIGHT_PATHS_BPF_H
#define FLIGHT_PATHS_BPF_H

#include "processrecord.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#define FLIGHT_PATH_COMPONENTS (FLIGHT_PATH_MAX / 2 + 64) /* levels ("/x" each) plus mount crossings */
#define FLIGHT_NAME_MAX 255
#define FLIGHT_S_IFMT 0170000 /* include/uapi/linux/stat.h; macros are not in BTF */
#define FLIGHT_S_IFREG 0100000

/* Per-CPU scratch space for path building; large, so it lives in a map, not on the 512-byte stack. */
struct flight_path_work
{
    char buf[2 * FLIGHT_PATH_MAX]; /* the path is built in the first half; the second half absorbs verifier bounds */
    char name[FLIGHT_NAME_MAX + 1];
};

/* kernfs_node.parent became __parent in Linux 6.15; these flavours let one object load on either side. */
struct kernfs_node___new
{
    struct kernfs_node *__parent;
} __attribute__((preserve_access_index));
struct kernfs_node___old
{
    struct kernfs_node *parent;
} __attribute__((preserve_access_index));

static __always_inline struct kernfs_node *flight_kn_parent(struct kernfs_node *kn)
{
    struct kernfs_node___new *n = (void *)kn;
    struct kernfs_node___old *o = (void *)kn;
    if (bpf_core_field_exists(n->__parent))
        return BPF_CORE_READ(n, __parent);
    return BPF_CORE_READ(o, parent);
}

/* Prepends "/" + `len` bytes at `name` (kernel memory); false when it does not fit or cannot be read. */
static __always_inline bool flight_prepend(struct flight_path_work *w, __u32 *pos, const void *name, __u32 len)
{
    __u32 p = *pos;
    if (len > FLIGHT_NAME_MAX || p < len + 2) /* keep one byte: a path never fills the whole buffer */
        return false;
    p -= len + 1;
    p &= FLIGHT_PATH_MAX - 1; /* a no-op (p < FLIGHT_PATH_MAX already) that tells the verifier the bound */
    w->buf[p] = '/';
    if (len && bpf_probe_read_kernel(&w->buf[p + 1], len, name) != 0)
        return false;
    *pos = p;
    return true;
}

struct flight_walk
{
    struct flight_path_work *w;
    struct dentry *dentry;
    struct mount *mnt;
    struct kernfs_node *kn;
    __u32 pos;
    bool complete;
};

/* One step of the dentry walk (a bpf_loop() callback): 0 goes on, 1 stops. */
static long flight_path_step(__u32 index __attribute__((unused)), void *ctx)
{
    struct flight_walk *c = ctx;
    struct dentry *dentry = c->dentry;
    struct mount *mnt = c->mnt;
    struct dentry *mnt_root = BPF_CORE_READ(mnt, mnt.mnt_root);
    if (dentry == mnt_root) {
        struct mount *mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
        if (mnt_parent == mnt) { /* the root mount of the namespace */
            c->complete = true;
            return 1;
        }
        c->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
        c->mnt = mnt_parent;
        return 0;
    }
    struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
    if (dentry == parent) /* a root that is no mount's root: a detached tree or an internal filesystem */
        return 1;
    const unsigned char *name = BPF_CORE_READ(dentry, d_name.name);
    __u32 len = BPF_CORE_READ(dentry, d_name.len);
    if (!flight_prepend(c->w, &c->pos, name, len))
        return 1;
    c->dentry = parent;
    return 0;
}

/* One step of the kernfs walk of a cgroup. */
static long flight_cgroup_step(__u32 index __attribute__((unused)), void *ctx)
{
    struct flight_walk *c = ctx;
    struct kernfs_node *kn = c->kn;
    struct kernfs_node *parent = flight_kn_parent(kn);
    if (!parent) { /* the hierarchy's root: its own name is not part of the path */
        c->complete = true;
        return 1;
    }
    const char *name = BPF_CORE_READ(kn, name);
    long n = bpf_probe_read_kernel_str(c->w->name, sizeof(c->w->name), name);
    if (n <= 1 || !flight_prepend(c->w, &c->pos, c->w->name, (__u32)(n - 1)))
        return 1;
    c->kn = parent;
    return 0;
}

static __always_inline __u32 flight_walk_finish(struct flight_walk *c, bool *complete)
{
    *complete = c->complete;
    if (c->complete && c->pos == FLIGHT_PATH_MAX) { /* the root directory itself */
        c->pos = FLIGHT_PATH_MAX - 1;
        c->w->buf[FLIGHT_PATH_MAX - 1] = '/';
    }
    return c->pos;
}

/* The absolute path of `path`; returns the start position in w->buf and sets *complete. */
static __always_inline __u32 flight_walk_path(struct flight_path_work *w, const struct path *path, bool *complete)
{
    struct flight_walk c = {.w = w, .pos = FLIGHT_PATH_MAX};
    c.dentry = BPF_CORE_READ(path, dentry);
    c.mnt = container_of(BPF_CORE_READ(path, mnt), struct mount, mnt);
    bpf_loop(FLIGHT_PATH_COMPONENTS, flight_path_step, &c, 0);
    return flight_walk_finish(&c, complete);
}

/* flight_walk_path(), and a name for what d_path() names although no root reaches it; *unlinked says that d_path()
 * shows the name followed by " (deleted)" (the caller adds that: the path built here is the name only):
 * - an unlinked file (d_unlinked(): dropped from the dentry hash, not a root): its last path, as the walk finds it;
 * - a regular file whose dentry has no parent and is not its mount's root, on a filesystem that names such dentries
 *   (d_op->d_dname): a file of an internal mount that was never linked anywhere — memfd_create() (shmem or
 *   hugetlbfs, "memfd:NAME"), System V shared memory — which simple_dname() shows as "/" and its name, so
 *   "/memfd:NAME (deleted)". Such a file is always "unlinked". Anything else parentless stays incomplete. */
static __always_inline __u32 flight_walk_path_named(struct flight_path_work *w, const struct path *path, bool *complete,
                                                    bool *unlinked)
{
    struct dentry *dentry = BPF_CORE_READ(path, dentry);
    struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
    if (dentry != parent || dentry == BPF_CORE_READ(path, mnt, mnt_root)) {
        *unlinked = dentry != parent && !BPF_CORE_READ(dentry, d_hash.pprev);
        return flight_walk_path(w, path, complete);
    }
    struct flight_walk c = {.w = w, .pos = FLIGHT_PATH_MAX};
    const __u32 mode = BPF_CORE_READ(dentry, d_inode, i_mode);
    if (BPF_CORE_READ(dentry, d_op, d_dname) && (mode & FLIGHT_S_IFMT) == FLIGHT_S_IFREG) {
        const unsigned char *name = BPF_CORE_READ(dentry, d_name.name);
        __u32 len = BPF_CORE_READ(dentry, d_name.len);
        c.complete = flight_prepend(w, &c.pos, name, len);
    }
    *unlinked = c.complete;
    return flight_walk_finish(&c, complete);
}

/* The cgroup v2 path of the kernfs node `kn` (as in /proc/<pid>/cgroup "0::<path>", from the hierarchy's root). */
static __always_inline __u32 flight_walk_cgroup(struct flight_path_work *w, struct kernfs_node *kn, bool *complete)
{
    struct flight_walk c = {.w = w, .kn = kn, .pos = FLIGHT_PATH_MAX};
    bpf_loop(FLIGHT_PATH_COMPONENTS, flight_cgroup_step, &c, 0);
    return flight_walk_finish(&c, complete);
}

#endif
