/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Network endpoint capture in the kernel (DESIGN.md "Capture", FORMAT.md net.endpoint), without a hook on every
 * system call: the raw syscall tracepoints would put every call of the machine on the kernel's slow path (measured
 * 1.9x on a read/write loop), and kprobes and fentry may be missing. So:
 *  - TCP from the raw tracepoint inet_sock_set_state. CLOSE -> SYN_SENT runs in connect() and -> LISTEN in listen(),
 *    in the process's own context: that process is remembered as the socket's owner. The end of the handshake
 *    (SYN_SENT -> ESTABLISHED, or -> CLOSE when refused) reports the connect with both ends, whatever context it
 *    runs in. A connection a listener accepts becomes ESTABLISHED in softirq context, where the current task is
 *    unrelated, so it waits, unclaimed, for the first process that uses it: its first send or receive (raw
 *    tracepoints sock_send_length/sock_recv_length) or its close() (-> FIN_WAIT1 or -> LAST_ACK run in close() or
 *    shutdown()). That process is reported as accepting it. -> CLOSE reports the close, with the owner when known.
 *  - UDP from cgroup programs on the root of the cgroup v2 hierarchy, which run in the sending process: sendmsg4/6
 *    report the first datagram of a socket to each destination (unconnected sockets: the address is in the call),
 *    post_bind4/6 the bind; a connected socket's first datagram is seen by sock_send_length, whose socket carries
 *    the destination (connect4/6 only make sure that socket has a cookie to be told apart by). Every cgroup program
 *    allows the operation: returning 0 would refuse it.
 * The collector's own sockets (self_tgid) are left out, and under scope = namespace (pidns_inum, netns_inum) those of
 * processes of other pid namespaces and, while no process has claimed them, sockets of other network namespaces. A
 * record that does not fit the ring buffer is counted in `losses`, never dropped silently. */
#include "netrecord.h"
#include "ring.bpf.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

#define AF_INET 2 /* macros are not in BTF */
#define AF_INET6 10

/* A TCP socket's owner: the process that connected, listened or first used it; `ignore` for the collector's own. */
struct owner
{
    struct flight_key key;
    __u32 ignore;
    __u32 reserved;
};

/* Keyed by the socket's address, deleted at its close; LRU so that a socket that never reaches CLOSE in our view
 * (attached after its handshake began) ages out. */
struct
{
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, __u64);
    __type(value, struct owner);
} tcp_owner SEC(".maps");

/* Accepted connections no process has used yet. */
struct
{
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, __u64);
    __type(value, __u8);
} tcp_unclaimed SEC(".maps");

/* UDP (socket cookie, destination) pairs already reported. Cookies are never reused, unlike socket addresses. */
struct udp_destination
{
    __u64 cookie;
    __u8 addr[16];
    __u16 port;
    __u16 family;
    __u32 reserved;
};

struct
{
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, struct udp_destination);
    __type(value, __u8);
} udp_sent SEC(".maps");

/* scope = namespace: the inode number of the collector's network namespace; 0: every one. */
const volatile __u32 netns_inum = 0;

/* Whether the current process's sockets are left out: the collector's own, or (scope = namespace) another's. */
static __always_inline bool is_self(void)
{
    if (pidns_inum)
        return not_recorded(flight_tgid((struct task_struct *)bpf_get_current_task()));
    return self_tgid && (__u32)(bpf_get_current_pid_tgid() >> 32) == self_tgid;
}

static __always_inline bool foreign_net(const struct sock *sk)
{
    return netns_inum && BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum) != netns_inum;
}

static __always_inline void current_key(struct flight_key *key)
{
    fill_key(key, (struct task_struct *)bpf_get_current_task());
}

/* A zeroed record in the ring buffer, or NULL (counted as a loss). */
static __always_inline struct flight_net_record *begin(__u8 op, __u8 protocol, __u8 family,
                                                       const struct flight_key *owner)
{
    struct flight_net_record *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
    if (!r) {
        count_loss();
        return NULL;
    }
    __builtin_memset(r, 0, sizeof(*r));
    r->kind = FLIGHT_RECORD_NET;
    r->size = sizeof(*r);
    r->mono_ns = bpf_ktime_get_boot_ns();
    if (owner)
        r->proc = *owner;
    r->op = op;
    r->protocol = protocol;
    r->family = family;
    return r;
}

static __always_inline void put_ip4(__u8 *to, __u32 addr)
{
    __builtin_memcpy(to, &addr, 4);
}

/* Context fields must be read at constant offsets from the context pointer itself (the verifier refuses a moved one):
 * the barrier stops the compiler from computing &words[0] once and indexing from there. */
#define PUT_IP6(to, base, field)                                                                                      \
    do {                                                                                                               \
        __u32 w0 = base->field[0];                                                                                     \
        barrier_var(base);                                                                                             \
        __u32 w1 = base->field[1];                                                                                     \
        barrier_var(base);                                                                                             \
        __u32 w2 = base->field[2];                                                                                     \
        barrier_var(base);                                                                                             \
        __u32 w3 = base->field[3];                                                                                     \
        put_ip6(to, w0, w1, w2, w3);                                                                                   \
    } while (0)

static __always_inline void put_ip6(__u8 *to, __u32 w0, __u32 w1, __u32 w2, __u32 w3)
{
    __builtin_memcpy(to, &w0, 4);
    __builtin_memcpy(to + 4, &w1, 4);
    __builtin_memcpy(to + 8, &w2, 4);
    __builtin_memcpy(to + 12, &w3, 4);
}

/* Reports a TCP event with both ends as the socket has them now. */
static __always_inline void emit_tcp(__u8 op, const struct sock *sk, const struct flight_key *owner)
{
    __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    struct flight_net_record *r = begin(op, IPPROTO_TCP, (__u8)family, owner);
    if (!r)
        return;
    /* inet_sport, not skc_num: the move to CLOSE releases the port (skc_num = 0) before the tracepoint runs */
    r->local_port = bpf_ntohs(BPF_CORE_READ((const struct inet_sock *)sk, inet_sport));
    r->remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
    if (family == AF_INET6) {
        BPF_CORE_READ_INTO(&r->local_addr, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8);
        BPF_CORE_READ_INTO(&r->remote_addr, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr8);
    } else {
        put_ip4(r->local_addr, BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr));
        put_ip4(r->remote_addr, BPF_CORE_READ(sk, __sk_common.skc_daddr));
    }
    if (op != FLIGHT_NET_LISTEN && r->remote_port != 0)
        r->flags |= FLIGHT_NET_HAS_REMOTE;
    bpf_ringbuf_submit(r, ring_flags());
}

static __always_inline bool is_inet(const struct sock *sk)
{
    __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    return family == AF_INET || family == AF_INET6;
}

/* The process running now (process context only) claims an accepted connection nobody has used yet. */
static __always_inline void claim(const struct sock *sk)
{
    __u64 id = (__u64)sk;
    if (!bpf_map_lookup_elem(&tcp_unclaimed, &id))
        return; /* the common case: every send and receive of a connection already claimed */
    if (bpf_map_delete_elem(&tcp_unclaimed, &id) != 0)
        return; /* another thread claimed it first */
    struct owner o = {};
    o.ignore = is_self();
    if (!o.ignore)
        current_key(&o.key);
    bpf_map_update_elem(&tcp_owner, &id, &o, BPF_ANY);
    if (!o.ignore)
        emit_tcp(FLIGHT_NET_ACCEPT, sk, &o.key);
}

SEC("raw_tp/inet_sock_set_state")
int flight_tcp_state(struct bpf_raw_tracepoint_args *ctx)
{
    const struct sock *sk = (const struct sock *)ctx->args[0];
    int oldstate = (int)ctx->args[1], newstate = (int)ctx->args[2];
    if (BPF_CORE_READ(sk, sk_protocol) != IPPROTO_TCP || !is_inet(sk) || foreign_net(sk))
        return 0;
    __u64 id = (__u64)sk;

    if (newstate == TCP_SYN_SENT || newstate == TCP_LISTEN) { /* in connect() / listen(): process context */
        struct owner o = {};
        o.ignore = is_self();
        if (!o.ignore)
            current_key(&o.key);
        bpf_map_update_elem(&tcp_owner, &id, &o, BPF_ANY);
        if (newstate == TCP_LISTEN && !o.ignore)
            emit_tcp(FLIGHT_NET_LISTEN, sk, &o.key);
        return 0;
    }
    if (oldstate == TCP_SYN_RECV && newstate == TCP_ESTABLISHED) { /* softirq: wait for the process that uses it */
        __u8 one = 1;
        bpf_map_update_elem(&tcp_unclaimed, &id, &one, BPF_ANY);
        return 0;
    }
    if (newstate == TCP_FIN_WAIT1 || newstate == TCP_LAST_ACK) { /* close() or shutdown() */
        claim(sk);
        return 0;
    }

    struct owner *o = bpf_map_lookup_elem(&tcp_owner, &id);
    if (o && o->ignore) {
        if (newstate == TCP_CLOSE)
            bpf_map_delete_elem(&tcp_owner, &id);
        return 0;
    }
    struct flight_key owner = {};
    if (o)
        owner = o->key;
    if (oldstate == TCP_SYN_SENT) { /* the handshake ended: established, or refused (a close follows) */
        if (o)
            emit_tcp(FLIGHT_NET_CONNECT, sk, &owner);
    }
    if (newstate != TCP_CLOSE)
        return 0;
    if (bpf_map_delete_elem(&tcp_unclaimed, &id) == 0) /* reset before any process used it */
        emit_tcp(FLIGHT_NET_ACCEPT, sk, NULL);
    emit_tcp(FLIGHT_NET_CLOSE, sk, o ? &owner : NULL);
    bpf_map_delete_elem(&tcp_owner, &id);
    return 0;
}

/* The first datagram of a socket to a destination; false when it was reported before. */
static __always_inline bool first_to(__u64 cookie, __u16 family, const __u8 *addr, __u16 port)
{
    struct udp_destination d = {};
    d.cookie = cookie;
    d.family = family;
    d.port = port;
    __builtin_memcpy(d.addr, addr, 16);
    __u8 one = 1;
    return bpf_map_update_elem(&udp_sent, &d, &one, BPF_NOEXIST) == 0;
}

/* A connected UDP socket's datagram: both ends are in the socket. */
static __always_inline void udp_connected_send(const struct sock *sk)
{
    if (BPF_CORE_READ(sk, __sk_common.skc_state) != TCP_ESTABLISHED || is_self())
        return;
    __u64 cookie = BPF_CORE_READ(sk, __sk_common.skc_cookie.counter);
    __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    __u16 port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
    __u8 addr[16] = {};
    if (family == AF_INET6)
        BPF_CORE_READ_INTO(&addr, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr8);
    else
        put_ip4(addr, BPF_CORE_READ(sk, __sk_common.skc_daddr));
    if (cookie == 0 || !first_to(cookie, family, addr, port))
        return;
    struct flight_key key;
    current_key(&key);
    struct flight_net_record *r = begin(FLIGHT_NET_SEND, IPPROTO_UDP, (__u8)family, &key);
    if (!r)
        return;
    r->local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
    r->remote_port = port;
    if (family == AF_INET6)
        BPF_CORE_READ_INTO(&r->local_addr, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8);
    else
        put_ip4(r->local_addr, BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr));
    __builtin_memcpy(r->remote_addr, addr, 16);
    r->flags = FLIGHT_NET_HAS_REMOTE;
    bpf_ringbuf_submit(r, ring_flags());
}

static __always_inline void socket_used(const struct sock *sk, bool sending)
{
    if (!is_inet(sk))
        return;
    __u16 protocol = BPF_CORE_READ(sk, sk_protocol);
    if (protocol == IPPROTO_TCP)
        claim(sk);
    else if (protocol == IPPROTO_UDP && sending)
        udp_connected_send(sk);
}

SEC("raw_tp/sock_send_length")
int flight_sock_send(struct bpf_raw_tracepoint_args *ctx)
{
    socket_used((const struct sock *)ctx->args[0], true);
    return 0;
}

SEC("raw_tp/sock_recv_length")
int flight_sock_recv(struct bpf_raw_tracepoint_args *ctx)
{
    socket_used((const struct sock *)ctx->args[0], false);
    return 0;
}

/* An unconnected UDP socket's datagram: the destination is the call's address. */
static __always_inline void udp_sendmsg(struct bpf_sock_addr *ctx, __u16 family)
{
    if (ctx->protocol != IPPROTO_UDP || is_self())
        return;
    __u8 addr[16] = {};
    if (family == AF_INET6)
        PUT_IP6(addr, ctx, user_ip6);
    else
        put_ip4(addr, ctx->user_ip4);
    __u16 port = bpf_ntohs((__u16)ctx->user_port);
    if (!first_to(bpf_get_socket_cookie(ctx), family, addr, port))
        return;
    struct flight_key key;
    current_key(&key);
    struct flight_net_record *r = begin(FLIGHT_NET_SEND, IPPROTO_UDP, (__u8)family, &key);
    if (!r)
        return;
    struct bpf_sock *sk = ctx->sk;
    r->local_port = (__u16)sk->src_port;
    if (family == AF_INET6)
        PUT_IP6(r->local_addr, sk, src_ip6);
    else
        put_ip4(r->local_addr, sk->src_ip4);
    r->remote_port = port;
    __builtin_memcpy(r->remote_addr, addr, 16);
    r->flags = FLIGHT_NET_HAS_REMOTE;
    bpf_ringbuf_submit(r, ring_flags());
}

SEC("cgroup/sendmsg4")
int flight_udp_sendmsg4(struct bpf_sock_addr *ctx)
{
    udp_sendmsg(ctx, AF_INET);
    return 1;
}

SEC("cgroup/sendmsg6")
int flight_udp_sendmsg6(struct bpf_sock_addr *ctx)
{
    udp_sendmsg(ctx, AF_INET6);
    return 1;
}

/* Gives a connecting UDP socket its cookie, which sock_send_length reads (it cannot create one). */
SEC("cgroup/connect4")
int flight_udp_connect4(struct bpf_sock_addr *ctx)
{
    if (ctx->protocol == IPPROTO_UDP)
        bpf_get_socket_cookie(ctx);
    return 1;
}

SEC("cgroup/connect6")
int flight_udp_connect6(struct bpf_sock_addr *ctx)
{
    if (ctx->protocol == IPPROTO_UDP)
        bpf_get_socket_cookie(ctx);
    return 1;
}

static __always_inline void udp_bind(struct bpf_sock *sk, __u16 family)
{
    if (sk->protocol != IPPROTO_UDP || is_self())
        return;
    struct flight_key key;
    current_key(&key);
    struct flight_net_record *r = begin(FLIGHT_NET_BIND, IPPROTO_UDP, (__u8)family, &key);
    if (!r)
        return;
    r->local_port = (__u16)sk->src_port;
    if (family == AF_INET6)
        PUT_IP6(r->local_addr, sk, src_ip6);
    else
        put_ip4(r->local_addr, sk->src_ip4);
    bpf_ringbuf_submit(r, ring_flags());
}

SEC("cgroup/post_bind4")
int flight_udp_bind4(struct bpf_sock *sk)
{
    udp_bind(sk, AF_INET);
    return 1;
}

SEC("cgroup/post_bind6")
int flight_udp_bind6(struct bpf_sock *sk)
{
    udp_bind(sk, AF_INET6);
    return 1;
}
