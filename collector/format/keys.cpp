// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys.h"

#include "archiveerror.h"
#include "digest.h"
#include "securefile.h"

#include <QFile>
#include <QRegularExpression>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {

constexpr auto kEd25519Prefix = "ed25519:"_L1;
constexpr auto kX25519Prefix = "x25519:"_L1;
constexpr auto kSigningKeyHeader = "flightrec-ed25519-secret"_L1;
constexpr auto kDecryptionKeyHeader = "flightrec-x25519-secret"_L1;

// "<prefix><base64 of exactly `size` bytes>" -> raw bytes
std::optional<QByteArray> decodeKeyText(QStringView text, QLatin1StringView prefix, qsizetype size)
{
    if (!text.startsWith(prefix))
        return std::nullopt;
    auto decoded
        = QByteArray::fromBase64Encoding(text.mid(prefix.size()).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size)
        return std::nullopt;
    return decoded.decoded;
}

QString fingerprintOf(const QByteArray &raw)
{
    return u"BLAKE2B:"_s
        + QString::fromLatin1(
               Blake2b256::hash(raw).toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

// Reads "<header> <base64 of `size` bytes>" from a secret key file.
Expected<QByteArray> readSecretFile(const QString &path, QLatin1StringView header, qsizetype size)
{
    auto content = readPrivateFile(path, 4096);
    if (!content)
        return content.error();
    const QList<QByteArray> words = content->trimmed().split(' ');
    std::optional<QByteArray> raw;
    if (words.size() == 2 && words[0] == QByteArrayView(header)) {
        auto decoded = QByteArray::fromBase64Encoding(words[1], QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == size)
            raw = decoded.decoded;
    }
    sodium_memzero(content->data(), static_cast<size_t>(content->size()));
    if (!raw)
        return makeError(Reason::BadKey, u"%1: not a %2 key file"_s.arg(path, header));
    return *raw;
}

Expected<void> writeSecretFile(const QString &path, QLatin1StringView header, QByteArrayView raw, bool overwrite)
{
    QByteArray line = QByteArray(header.data(), header.size()) + ' ' + raw.toByteArray().toBase64() + '\n';
    auto written = writePrivateFile(path, line, overwrite);
    sodium_memzero(line.data(), static_cast<size_t>(line.size()));
    return written;
}

} // namespace

// --- PublicKey

Expected<PublicKey> PublicKey::fromText(QStringView text)
{
    auto raw = decodeKeyText(text.trimmed(), kEd25519Prefix, crypto_sign_PUBLICKEYBYTES);
    if (!raw)
        return makeError(Reason::BadKey, u"'%1' is not an Ed25519 public key (ed25519:<base64>)"_s.arg(text.left(80)));
    return fromRaw(*raw);
}

PublicKey PublicKey::fromRaw(const QByteArray &raw32)
{
    PublicKey key;
    key.m_raw = raw32;
    return key;
}

QString PublicKey::toText() const
{
    return kEd25519Prefix + QString::fromLatin1(m_raw.toBase64());
}
QString PublicKey::fingerprint() const
{
    return fingerprintOf(m_raw);
}

bool PublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    ensureSodium();
    if (signature.size() != crypto_sign_BYTES || m_raw.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.data()),
                                       reinterpret_cast<const unsigned char *>(message.data()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(m_raw.constData()))
        == 0;
}

// --- SigningKey

SigningKey SigningKey::generate()
{
    ensureSodium();
    SigningKey key;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_keypair(pk, key.m_secret);
    return key;
}

Expected<SigningKey> SigningKey::load(const QString &path)
{
    ensureSodium();
    auto seed = readSecretFile(path, kSigningKeyHeader, crypto_sign_SEEDBYTES);
    if (!seed)
        return seed.error();
    SigningKey key;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(pk, key.m_secret, reinterpret_cast<const unsigned char *>(seed->constData()));
    sodium_memzero(seed->data(), static_cast<size_t>(seed->size()));
    return key;
}

Expected<void> SigningKey::save(const QString &path, bool overwrite) const
{
    unsigned char seed[crypto_sign_SEEDBYTES];
    crypto_sign_ed25519_sk_to_seed(seed, m_secret);
    auto result = writeSecretFile(path, kSigningKeyHeader, QByteArrayView(seed, sizeof seed), overwrite);
    sodium_memzero(seed, sizeof seed);
    return result;
}

PublicKey SigningKey::publicKey() const
{
    return PublicKey::fromRaw(
        QByteArray(reinterpret_cast<const char *>(m_secret) + crypto_sign_SEEDBYTES, crypto_sign_PUBLICKEYBYTES));
}

QByteArray SigningKey::sign(QByteArrayView message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.data()),
                         static_cast<unsigned long long>(message.size()), m_secret);
    return signature;
}

SigningKey::SigningKey(const SigningKey &other)
{
    std::memcpy(m_secret, other.m_secret, sizeof m_secret);
}
SigningKey &SigningKey::operator=(const SigningKey &other)
{
    std::memcpy(m_secret, other.m_secret, sizeof m_secret);
    return *this;
}
SigningKey::~SigningKey()
{
    sodium_memzero(m_secret, sizeof m_secret);
}

// --- RecipientKey

Expected<RecipientKey> RecipientKey::fromText(QStringView text)
{
    auto raw = decodeKeyText(text.trimmed(), kX25519Prefix, crypto_box_PUBLICKEYBYTES);
    if (!raw)
        return makeError(Reason::BadKey, u"'%1' is not an X25519 public key (x25519:<base64>)"_s.arg(text.left(80)));
    RecipientKey key;
    key.m_raw = *raw;
    return key;
}

QString RecipientKey::toText() const
{
    return kX25519Prefix + QString::fromLatin1(m_raw.toBase64());
}
QString RecipientKey::fingerprint() const
{
    return fingerprintOf(m_raw);
}

// --- DecryptionKey

DecryptionKey DecryptionKey::generate()
{
    ensureSodium();
    DecryptionKey key;
    crypto_box_keypair(key.m_public, key.m_secret);
    return key;
}

Expected<DecryptionKey> DecryptionKey::load(const QString &path)
{
    ensureSodium();
    auto secret = readSecretFile(path, kDecryptionKeyHeader, crypto_box_SECRETKEYBYTES);
    if (!secret)
        return secret.error();
    DecryptionKey key;
    std::memcpy(key.m_secret, secret->constData(), sizeof key.m_secret);
    sodium_memzero(secret->data(), static_cast<size_t>(secret->size()));
    crypto_scalarmult_base(key.m_public, key.m_secret);
    return key;
}

Expected<void> DecryptionKey::save(const QString &path, bool overwrite) const
{
    return writeSecretFile(path, kDecryptionKeyHeader, QByteArrayView(m_secret, sizeof m_secret), overwrite);
}

RecipientKey DecryptionKey::recipient() const
{
    RecipientKey key;
    key.m_raw = QByteArray(reinterpret_cast<const char *>(m_public), sizeof m_public);
    return key;
}

std::optional<QByteArray> DecryptionKey::openSealed(QByteArrayView sealed) const
{
    if (sealed.size() < crypto_box_SEALBYTES)
        return std::nullopt;
    QByteArray plain(sealed.size() - crypto_box_SEALBYTES, Qt::Uninitialized);
    if (crypto_box_seal_open(reinterpret_cast<unsigned char *>(plain.data()),
                             reinterpret_cast<const unsigned char *>(sealed.data()),
                             static_cast<unsigned long long>(sealed.size()), m_public, m_secret)
        != 0)
        return std::nullopt;
    return plain;
}

DecryptionKey::DecryptionKey(const DecryptionKey &other)
{
    *this = other;
}
DecryptionKey &DecryptionKey::operator=(const DecryptionKey &other)
{
    std::memcpy(m_secret, other.m_secret, sizeof m_secret);
    std::memcpy(m_public, other.m_public, sizeof m_public);
    return *this;
}
DecryptionKey::~DecryptionKey()
{
    sodium_memzero(m_secret, sizeof m_secret);
}

// --- trust file

Expected<QList<TrustedKey>> loadTrustFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Reason::Io, u"%1: cannot read trust file: %2"_s.arg(path, file.errorString()));
    QList<TrustedKey> keys;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine(4096)).trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype space = line.indexOf(QRegularExpression(u"\\s"_s));
        auto key = PublicKey::fromText(space < 0 ? line : line.left(space));
        if (!key)
            return makeError(Reason::BadKey, u"%1:%2: %3"_s.arg(path).arg(lineNumber).arg(key.error().message));
        keys.append({*key, space < 0 ? QString() : line.mid(space).trimmed()});
    }
    if (keys.isEmpty())
        return makeError(Reason::BadKey, u"%1: no public key in trust file"_s.arg(path));
    return keys;
}

} // namespace Flight::Format
