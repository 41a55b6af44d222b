// SPDX-License-Identifier: GPL-3.0-or-later
// Writes all of a buffer to a file or socket, retrying after EINTR and short writes; to a socket with
// MSG_NOSIGNAL, so that a peer that closed its end is an error (errno EPIPE), not a SIGPIPE.
#pragma once

#include <cerrno>
#include <cstddef>
#include <sys/socket.h>
#include <unistd.h>

namespace Flight::SshPull {

enum class FdKind { File, Socket };

inline bool writeAll(int fd, const char *data, size_t size, FdKind kind)
{
    while (size > 0) {
        const ssize_t written = kind == FdKind::Socket ? ::send(fd, data, size, MSG_NOSIGNAL) : ::write(fd, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= size_t(written);
    }
    return true;
}

} // namespace Flight::SshPull
