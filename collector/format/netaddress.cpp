// SPDX-License-Identifier: GPL-3.0-or-later
#include "netaddress.h"

#include <arpa/inet.h>

namespace Flight::Format {

std::optional<QString> canonicalAddress(const QString &text)
{
    const QByteArray latin = text.toLatin1();
    unsigned char raw[sizeof(in6_addr)];
    char out[INET6_ADDRSTRLEN];
    for (const int family : {AF_INET, AF_INET6}) {
        if (inet_pton(family, latin.constData(), raw) == 1 && inet_ntop(family, raw, out, sizeof out))
            return QString::fromLatin1(out);
    }
    return std::nullopt;
}

} // namespace Flight::Format
