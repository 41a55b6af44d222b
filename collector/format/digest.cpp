// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest.h"

#include "formatversion.h"

#include <cstdlib>
#include <mutex>

namespace Flight::Format {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // sodium_init only fails when the system has no entropy source; nothing here can work without one.
        if (sodium_init() < 0)
            std::abort();
    });
}

Blake2b256::Blake2b256()
{
    ensureSodium();
    crypto_generichash_init(&m_state, nullptr, 0, kDigestBytes);
}

void Blake2b256::add(QByteArrayView data)
{
    crypto_generichash_update(&m_state, reinterpret_cast<const unsigned char *>(data.data()),
                              static_cast<unsigned long long>(data.size()));
}

QByteArray Blake2b256::finish()
{
    QByteArray out(kDigestBytes, Qt::Uninitialized);
    crypto_generichash_final(&m_state, reinterpret_cast<unsigned char *>(out.data()), kDigestBytes);
    return out;
}

QByteArray Blake2b256::hash(QByteArrayView data)
{
    Blake2b256 h;
    h.add(data);
    return h.finish();
}

QString Blake2b256::hexHash(QByteArrayView data)
{
    return QString::fromLatin1(hash(data).toHex());
}

} // namespace Flight::Format
