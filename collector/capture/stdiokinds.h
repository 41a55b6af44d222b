// SPDX-License-Identifier: GPL-3.0-or-later
// The kinds of a process's descriptors 0, 1 and 2 (FORMAT.md proc.exec `stdio`): one word per descriptor, from the
// mode and device number of the inode it refers to. Pure functions, shared by the eBPF decoder (which gets mode and
// device from the kernel at the exec) and the /proc reader (which stats /proc/<pid>/fd/N).
#pragma once

#include <QLatin1StringView>
#include <QStringList>

namespace Flight::Capture {

inline constexpr QLatin1StringView kStdioClosed{"none"};
inline constexpr QLatin1StringView kStdioUnknown{"unknown"};

// The word for an open descriptor whose inode has `mode` (st_mode) and, for a device, `major`:`minor`.
QLatin1StringView stdioKind(quint32 mode, quint32 major, quint32 minor);

// The three words joined as FORMAT.md writes them.
inline QString stdioText(const QStringList &words)
{
    return words.join(QLatin1Char(' '));
}

} // namespace Flight::Capture
