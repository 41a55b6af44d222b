// SPDX-License-Identifier: GPL-3.0-or-later
// The optional encryption of the events entry (FORMAT.md §5): libsodium secretstream in fixed-size chunks, the
// stream key sealed to the recipient's X25519 key. Both classes are streaming: feed bytes in, get bytes out.
#pragma once

#include "expected.h"
#include "keys.h"

#include <sodium.h>

namespace Flight::Format {

class StreamEncryptor
{
public:
    StreamEncryptor(const RecipientKey &recipient, qint64 chunkSize);
    ~StreamEncryptor();
    StreamEncryptor(const StreamEncryptor &) = delete;
    StreamEncryptor &operator=(const StreamEncryptor &) = delete;

    QByteArray sealedKey() const { return m_sealedKey; }
    qint64 chunkSize() const { return m_chunkSize; }
    // Returns the ciphertext that became ready (the stream header first, then whole chunks).
    QByteArray push(QByteArrayView plaintext);
    // Encrypts what is buffered as the FINAL chunk.
    QByteArray finish();

private:
    QByteArray encryptChunk(QByteArrayView plain, unsigned char tag);

    crypto_secretstream_xchacha20poly1305_state m_state;
    QByteArray m_sealedKey;
    QByteArray m_header;
    QByteArray m_pending;
    qint64 m_chunkSize;
};

class StreamDecryptor
{
public:
    // Fails with Reason::CannotDecrypt when the sealed key was not sealed to `key`.
    static Expected<std::unique_ptr<StreamDecryptor>> open(const DecryptionKey &key, QByteArrayView sealedKey,
                                                           qint64 chunkSize);
    ~StreamDecryptor();

    // Returns the plaintext of every complete chunk received so far.
    Expected<QByteArray> push(QByteArrayView ciphertext);
    // Returns the plaintext of the last chunk and checks that the stream ended with its FINAL chunk and nothing
    // after it.
    Expected<QByteArray> finish();

private:
    StreamDecryptor(qint64 chunkSize);
    Expected<QByteArray> drain(bool atEnd);

    crypto_secretstream_xchacha20poly1305_state m_state;
    unsigned char m_key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    QByteArray m_buffer;
    qint64 m_chunkSize;
    bool m_headerRead = false;
    bool m_final = false;
};

} // namespace Flight::Format
