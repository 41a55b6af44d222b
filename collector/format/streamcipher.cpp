// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamcipher.h"

#include "archiveerror.h"
#include "digest.h"

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
constexpr qsizetype kHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr qsizetype kOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
auto *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}
auto *bytes(QByteArrayView b)
{
    return reinterpret_cast<const unsigned char *>(b.data());
}
} // namespace

// --- StreamEncryptor

StreamEncryptor::StreamEncryptor(const RecipientKey &recipient, qint64 chunkSize)
    : m_chunkSize(chunkSize)
{
    ensureSodium();
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    crypto_secretstream_xchacha20poly1305_keygen(key);
    m_header.resize(kHeaderBytes);
    crypto_secretstream_xchacha20poly1305_init_push(&m_state, bytes(m_header), key);
    m_sealedKey.resize(crypto_box_SEALBYTES + sizeof key);
    const QByteArray recipientRaw = recipient.raw();
    crypto_box_seal(bytes(m_sealedKey), key, sizeof key, bytes(QByteArrayView(recipientRaw)));
    sodium_memzero(key, sizeof key);
}

StreamEncryptor::~StreamEncryptor()
{
    sodium_memzero(&m_state, sizeof m_state);
}

QByteArray StreamEncryptor::encryptChunk(QByteArrayView plain, unsigned char tag)
{
    QByteArray out(plain.size() + kOverhead, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_push(&m_state, bytes(out), nullptr, bytes(plain),
                                               static_cast<unsigned long long>(plain.size()), nullptr, 0, tag);
    return out;
}

QByteArray StreamEncryptor::push(QByteArrayView plaintext)
{
    QByteArray out = std::exchange(m_header, QByteArray());
    m_pending.append(plaintext);
    qsizetype used = 0;
    // Keep at least one byte back: the last chunk must carry the FINAL tag, even when it is a full one.
    while (m_pending.size() - used > m_chunkSize) {
        out += encryptChunk(QByteArrayView(m_pending).sliced(used, m_chunkSize),
                            crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        used += m_chunkSize;
    }
    m_pending.remove(0, used);
    return out;
}

QByteArray StreamEncryptor::finish()
{
    QByteArray out = std::exchange(m_header, QByteArray());
    out += encryptChunk(m_pending, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    m_pending.clear();
    return out;
}

// --- StreamDecryptor

StreamDecryptor::StreamDecryptor(qint64 chunkSize)
    : m_chunkSize(chunkSize)
{
}

StreamDecryptor::~StreamDecryptor()
{
    sodium_memzero(m_key, sizeof m_key);
    sodium_memzero(&m_state, sizeof m_state);
}

Expected<std::unique_ptr<StreamDecryptor>> StreamDecryptor::open(const DecryptionKey &key, QByteArrayView sealedKey,
                                                                 qint64 chunkSize)
{
    ensureSodium();
    auto streamKey = key.openSealed(sealedKey);
    if (!streamKey || streamKey->size() != crypto_secretstream_xchacha20poly1305_KEYBYTES)
        return makeError(
            Reason::CannotDecrypt,
            u"cannot decrypt: the events are not encrypted to key %1"_s.arg(key.recipient().fingerprint()));
    std::unique_ptr<StreamDecryptor> d(new StreamDecryptor(chunkSize));
    std::memcpy(d->m_key, streamKey->constData(), sizeof d->m_key);
    sodium_memzero(streamKey->data(), static_cast<size_t>(streamKey->size()));
    return d;
}

Expected<QByteArray> StreamDecryptor::drain(bool atEnd)
{
    QByteArray out;
    qsizetype used = 0;
    if (!m_headerRead) {
        if (m_buffer.size() < kHeaderBytes) {
            if (atEnd)
                return makeError(Reason::CannotDecrypt, u"cannot decrypt: the stream is truncated before its header"_s);
            return out;
        }
        if (crypto_secretstream_xchacha20poly1305_init_pull(&m_state, bytes(QByteArrayView(m_buffer)), m_key) != 0)
            return makeError(Reason::CannotDecrypt, u"cannot decrypt: invalid stream header"_s);
        m_headerRead = true;
        used = kHeaderBytes;
    }
    const qsizetype fullChunk = m_chunkSize + kOverhead;
    while (m_buffer.size() - used >= (atEnd ? 1 : fullChunk)) {
        if (m_final)
            return makeError(Reason::CannotDecrypt, u"cannot decrypt: data after the final chunk"_s);
        const qsizetype n = std::min(fullChunk, m_buffer.size() - used);
        if (n < kOverhead)
            return makeError(Reason::CannotDecrypt, u"cannot decrypt: the stream is truncated"_s);
        QByteArray plain(n - kOverhead, Qt::Uninitialized);
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&m_state, bytes(plain), nullptr, &tag,
                                                       bytes(QByteArrayView(m_buffer).sliced(used, n)),
                                                       static_cast<unsigned long long>(n), nullptr, 0)
            != 0)
            return makeError(Reason::CannotDecrypt, u"cannot decrypt: a chunk failed authentication (corrupt data)"_s);
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
            m_final = true;
        else if (n < fullChunk)
            return makeError(Reason::CannotDecrypt, u"cannot decrypt: the stream is truncated"_s);
        out += plain;
        used += n;
    }
    m_buffer.remove(0, used);
    return out;
}

Expected<QByteArray> StreamDecryptor::push(QByteArrayView ciphertext)
{
    m_buffer.append(ciphertext);
    return drain(false);
}

Expected<QByteArray> StreamDecryptor::finish()
{
    auto rest = drain(true);
    if (!rest)
        return rest.error();
    if (!m_final)
        return makeError(Reason::CannotDecrypt,
                         u"cannot decrypt: the stream ends without its final chunk (truncated)"_s);
    return rest;
}

} // namespace Flight::Format
