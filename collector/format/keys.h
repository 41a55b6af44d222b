// SPDX-License-Identifier: GPL-3.0-or-later
// Keys of FORMAT.md §4 and §5: Ed25519 signing keys (hosts), X25519 recipient keys (workstation cases), their text
// forms, fingerprints and key files. Secret key files are created with mode 0600 and never overwritten silently.
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flight::Format {

// An Ed25519 public key: "ed25519:<base64>".
class PublicKey
{
public:
    static Expected<PublicKey> fromText(QStringView text);
    static PublicKey fromRaw(const QByteArray &raw32);
    QString toText() const;
    QString fingerprint() const; // "BLAKE2B:<base64 without padding>"
    QByteArray raw() const { return m_raw; }
    bool verify(QByteArrayView message, QByteArrayView signature) const;
    bool operator==(const PublicKey &) const = default;

private:
    QByteArray m_raw;
};

// An Ed25519 secret key (host signing key). Wiped from memory when destroyed.
class SigningKey
{
public:
    static SigningKey generate();
    static Expected<SigningKey> load(const QString &path);
    // Writes the key file with mode 0600; refuses to replace an existing file unless `overwrite`.
    Expected<void> save(const QString &path, bool overwrite = false) const;
    PublicKey publicKey() const;
    QByteArray sign(QByteArrayView message) const; // 64-byte detached signature

    SigningKey(const SigningKey &);
    SigningKey &operator=(const SigningKey &);
    ~SigningKey();

private:
    SigningKey() = default;
    unsigned char m_secret[64] = {}; // libsodium layout: seed followed by the public key
};

// An X25519 public key that archives can be encrypted to: "x25519:<base64>".
class RecipientKey
{
public:
    static Expected<RecipientKey> fromText(QStringView text);
    QString toText() const;
    QString fingerprint() const;
    QByteArray raw() const { return m_raw; }
    bool operator==(const RecipientKey &) const = default;

private:
    friend class DecryptionKey;
    QByteArray m_raw;
};

// The X25519 secret key matching a RecipientKey (kept by the workstation). Wiped from memory when destroyed.
class DecryptionKey
{
public:
    static DecryptionKey generate();
    static Expected<DecryptionKey> load(const QString &path);
    Expected<void> save(const QString &path, bool overwrite = false) const;
    RecipientKey recipient() const;
    // Opens a crypto_box_seal box addressed to this key.
    std::optional<QByteArray> openSealed(QByteArrayView sealed) const;

    DecryptionKey(const DecryptionKey &);
    DecryptionKey &operator=(const DecryptionKey &);
    ~DecryptionKey();

private:
    DecryptionKey() = default;
    unsigned char m_secret[32] = {};
    unsigned char m_public[32] = {};
};

// A trust file: one public key per line, '#' comments, optional label after the key (FORMAT.md §4).
struct TrustedKey
{
    PublicKey key;
    QString label;
};
Expected<QList<TrustedKey>> loadTrustFile(const QString &path);

} // namespace Flight::Format
