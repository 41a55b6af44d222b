// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotename.h"

using namespace Qt::StringLiterals;

namespace Flight::SshPull {

QString rejectArchiveName(const QByteArray &name)
{
    if (name.isEmpty())
        return u"empty name"_s;
    if (name.size() > 200)
        return u"name longer than 200 bytes"_s;
    if (!name.endsWith(".frec"))
        return u"not an archive (*.frec)"_s;
    if (name.startsWith('.') || name.startsWith('-'))
        return u"name starts with '.' or '-'"_s;
    for (const char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-' || c == '+' || c == '@';
        if (!plain)
            return u"name holds a character other than letters, digits and . _ - + @"_s;
    }
    if (name.contains(".."))
        return u"name contains '..'"_s;
    return {};
}

} // namespace Flight::SshPull
