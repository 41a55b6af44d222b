/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The identity of an executed file for process.bpf.c: inode number, mtime and ctime in ns, which userspace compares
 * with the file it hashes (exedigests.h). struct inode's time fields moved twice: i_mtime/i_ctime (timespec64) until
 * 6.5, __i_ctime from 6.6 and __i_mtime from 6.7, i_mtime_sec/_nsec and i_ctime_sec/_nsec from 6.11; these flavours
 * let one object load on any of them. */
#ifndef FLIGHT_INODE_BPF_H
#define FLIGHT_INODE_BPF_H

#include "vmlinux.h"

#include <bpf/bpf_core_read.h>

struct inode___split_times
{
    time64_t i_mtime_sec;
    time64_t i_ctime_sec;
    __u32 i_mtime_nsec;
    __u32 i_ctime_nsec;
} __attribute__((preserve_access_index));
struct inode___private_times
{
    struct timespec64 __i_mtime;
    struct timespec64 __i_ctime;
} __attribute__((preserve_access_index));
struct inode___plain_times
{
    struct timespec64 i_mtime;
    struct timespec64 i_ctime;
} __attribute__((preserve_access_index));

/* Since 6.13 the top bit of i_ctime_nsec is a flag (I_CTIME_QUERIED, multigrain timestamps); nanoseconds need 30
 * bits. */
#define FLIGHT_NSEC_MASK 0x3fffffffu

static __always_inline __s64 flight_ns(struct timespec64 t)
{
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static __always_inline __s64 flight_inode_mtime(struct inode *inode)
{
    struct inode___split_times *split = (void *)inode;
    struct inode___private_times *priv = (void *)inode;
    struct inode___plain_times *plain = (void *)inode;
    if (bpf_core_field_exists(split->i_mtime_sec))
        return BPF_CORE_READ(split, i_mtime_sec) * 1000000000LL + BPF_CORE_READ(split, i_mtime_nsec);
    if (bpf_core_field_exists(priv->__i_mtime))
        return flight_ns(BPF_CORE_READ(priv, __i_mtime));
    return flight_ns(BPF_CORE_READ(plain, i_mtime));
}

static __always_inline __s64 flight_inode_ctime(struct inode *inode)
{
    struct inode___split_times *split = (void *)inode;
    struct inode___private_times *priv = (void *)inode;
    struct inode___plain_times *plain = (void *)inode;
    if (bpf_core_field_exists(split->i_ctime_sec))
        return BPF_CORE_READ(split, i_ctime_sec) * 1000000000LL
            + (BPF_CORE_READ(split, i_ctime_nsec) & FLIGHT_NSEC_MASK);
    if (bpf_core_field_exists(priv->__i_ctime))
        return flight_ns(BPF_CORE_READ(priv, __i_ctime));
    return flight_ns(BPF_CORE_READ(plain, i_ctime));
}

#endif
