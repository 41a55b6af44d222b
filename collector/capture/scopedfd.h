// SPDX-License-Identifier: GPL-3.0-or-later
// A file descriptor owned by a scope: closed when the ScopedFd goes (a negative one is none). Not copyable.
#pragma once

#include <unistd.h>

namespace Flight::Capture {

class ScopedFd
{
public:
    explicit ScopedFd(int fd)
        : m_fd(fd)
    {
    }
    ~ScopedFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ScopedFd(const ScopedFd &) = delete;
    ScopedFd &operator=(const ScopedFd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace Flight::Capture
