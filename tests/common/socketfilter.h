// SPDX-License-Identifier: GPL-3.0-or-later
// A BPF program a test can load and unload at will: a socket filter `mov r0, 0; exit` (accepts nothing), loaded
// with the raw bpf(2) system call, and its kernel id.
#pragma once

#include <cerrno>
#include <cstring>
#include <linux/bpf.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Flight::TestSupport {

// The program's fd, or -errno.
inline int loadSocketFilter(const char *name)
{
    const bpf_insn program[] = {
        {BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0},
        {BPF_JMP | BPF_EXIT, 0, 0, 0, 0},
    };
    static const char license[] = "GPL";
    bpf_attr attr = {};
    attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    attr.insn_cnt = 2;
    attr.insns = quint64(quintptr(program));
    attr.license = quint64(quintptr(license));
    std::strncpy(attr.prog_name, name, sizeof attr.prog_name - 1);
    const long fd = ::syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof attr);
    return fd < 0 ? -errno : int(fd);
}

// The kernel's id of the program behind `fd`; 0 when it cannot be read.
inline quint32 bpfProgramId(int fd)
{
    bpf_prog_info info = {};
    bpf_attr attr = {};
    attr.info.bpf_fd = quint32(fd);
    attr.info.info_len = sizeof info;
    attr.info.info = quint64(quintptr(&info));
    return ::syscall(__NR_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof attr) == 0 ? info.id : 0;
}

} // namespace Flight::TestSupport
