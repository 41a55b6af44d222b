/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The record net.bpf.c writes into its ring buffer, shared by the BPF program and the userspace decoder
 * (NetRecordDecoder), like processrecord.h. Fixed-width fields, no padding holes. */
#ifndef FLIGHT_NETRECORD_H
#define FLIGHT_NETRECORD_H

#include "processrecord.h"

enum flight_net_op {
    FLIGHT_NET_CONNECT = 1, /* TCP: the handshake this process started ended (established, or refused: a close follows) */
    FLIGHT_NET_ACCEPT = 2, /* TCP: the first process that used a connection a listener accepted */
    FLIGHT_NET_LISTEN = 3,
    FLIGHT_NET_BIND = 4, /* UDP */
    FLIGHT_NET_SEND = 5, /* UDP: the first datagram from this socket to this destination */
    FLIGHT_NET_CLOSE = 6, /* TCP */
};

/* flight_net_record.flags */
enum flight_net_flag {
    FLIGHT_NET_HAS_REMOTE = 1 << 0,
};

#define FLIGHT_RECORD_NET 16

struct flight_net_record
{
    __u32 kind; /* FLIGHT_RECORD_NET */
    __u32 size; /* sizeof(struct flight_net_record) */
    __u64 mono_ns; /* bpf_ktime_get_boot_ns() at the event */
    struct flight_key proc; /* pid 0: the process is not known (an accepted connection closed before any use) */
    __u8 op; /* enum flight_net_op */
    __u8 protocol; /* IPPROTO_TCP or IPPROTO_UDP */
    __u8 family; /* AF_INET or AF_INET6 */
    __u8 flags; /* enum flight_net_flag */
    __u16 local_port, remote_port; /* host byte order */
    __u8 local_addr[16], remote_addr[16]; /* network byte order; AF_INET uses the first 4 bytes */
};

#endif
