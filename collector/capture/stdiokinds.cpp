// SPDX-License-Identifier: GPL-3.0-or-later
#include "stdiokinds.h"

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

// Character-device majors of the terminal drivers (Documentation/admin-guide/devices.txt): 3 BSD ptys, 4 virtual
// consoles and serial ports, 5 /dev/tty, /dev/console and /dev/ptmx, 136-143 Unix98 pseudo-terminals, 166 USB ACM,
// 188 USB serial, 204 low-density serial.
bool isTerminalMajor(quint32 major)
{
    return major == 3 || major == 4 || major == 5 || (major >= 136 && major <= 143) || major == 166 || major == 188
        || major == 204;
}

} // namespace

QLatin1StringView stdioKind(quint32 mode, quint32 major, quint32 minor)
{
    switch (mode & S_IFMT) {
    case S_IFSOCK:
        return "socket"_L1;
    case S_IFIFO:
        return "pipe"_L1;
    case S_IFREG:
        return "file"_L1;
    case S_IFCHR:
        if (major == 1 && minor == 3)
            return "null"_L1;
        return isTerminalMajor(major) ? "tty"_L1 : "other"_L1;
    default:
        return "other"_L1;
    }
}

} // namespace Flight::Capture
