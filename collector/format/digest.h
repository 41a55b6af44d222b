// SPDX-License-Identifier: GPL-3.0-or-later
// BLAKE2b-256 (libsodium crypto_generichash), streaming and one-shot.
#pragma once

#include <QByteArray>
#include <QString>
#include <sodium.h>

namespace Flight::Format {

// Initialises libsodium once; every function of this library that uses it calls this first.
void ensureSodium();

class Blake2b256
{
public:
    Blake2b256();
    void add(QByteArrayView data);
    QByteArray finish(); // 32 raw bytes; the hasher cannot be used afterwards

    static QByteArray hash(QByteArrayView data);
    static QString hexHash(QByteArrayView data);

private:
    crypto_generichash_state m_state;
};

} // namespace Flight::Format
