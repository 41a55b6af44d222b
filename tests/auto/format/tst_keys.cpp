// SPDX-License-Identifier: GPL-3.0-or-later
// Keys of FORMAT.md §4 and §5: key files (mode 0600, never overwritten, refused when too open), public key texts,
// fingerprints, signatures and trust files.
#include "archiveerror.h"
#include "digest.h"
#include "keys.h"
#include "sampleevents.h"
#include "streamcipher.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

class TestKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signingKeyFile();
    void decryptionKeyFile();
    void saveRefusesToOverwrite_data();
    void saveRefusesToOverwrite();
    void loadRefusesOpenPermissions_data();
    void loadRefusesOpenPermissions();
    void loadRejectsBadFiles_data();
    void loadRejectsBadFiles();
    void publicKeyText_data();
    void publicKeyText();
    void fingerprint();
    void signAndVerify();
    void trustFile();
    void badTrustFile_data();
    void badTrustFile();
};

namespace {

int fileMode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Saves a fresh key of the kind named by `kind` ("signing" or "decryption").
Flight::Expected<void> saveKey(const QString &kind, const QString &path, bool overwrite = false)
{
    if (kind == u"signing"_s)
        return SigningKey::generate().save(path, overwrite);
    return DecryptionKey::generate().save(path, overwrite);
}

Flight::Error loadError(const QString &kind, const QString &path)
{
    if (kind == u"signing"_s) {
        auto key = SigningKey::load(path);
        return key ? Flight::Error{u"loaded"_s} : key.error();
    }
    auto key = DecryptionKey::load(path);
    return key ? Flight::Error{u"loaded"_s} : key.error();
}

} // namespace

void TestKeys::signingKeyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"host.key"_s);
    const SigningKey key = SigningKey::generate();
    QVERIFY(key.save(path).ok());
    QCOMPARE(fileMode(path), 0600);
    QVERIFY(!QFile::exists(path + u".part"_s));
    const QByteArray content = Test::readFile(path);
    QVERIFY(QRegularExpression(u"^flightrec-ed25519-secret [A-Za-z0-9+/]{43}=\n$"_s)
                .match(QString::fromLatin1(content))
                .hasMatch());

    const auto loaded = SigningKey::load(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded->publicKey(), key.publicKey());
    // Ed25519 signatures are deterministic: the same secret signs identically.
    QCOMPARE(loaded->sign("manifest"), key.sign("manifest"));
    QVERIFY(key.publicKey().verify("manifest", loaded->sign("manifest")));
}

void TestKeys::decryptionKeyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"case.key"_s);
    const DecryptionKey key = DecryptionKey::generate();
    QVERIFY(key.save(path).ok());
    QCOMPARE(fileMode(path), 0600);
    QVERIFY(Test::readFile(path).startsWith("flightrec-x25519-secret "));

    const auto loaded = DecryptionKey::load(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded->recipient(), key.recipient());
    const auto recipient = RecipientKey::fromText(key.recipient().toText());
    QVERIFY(recipient.ok());
    QCOMPARE(*recipient, key.recipient());
    QVERIFY(QRegularExpression(u"^x25519:[A-Za-z0-9+/]{43}=$"_s).match(recipient->toText()).hasMatch());

    StreamEncryptor encryptor(key.recipient(), 1024);
    const auto opened = loaded->openSealed(encryptor.sealedKey());
    QVERIFY(opened.has_value());
    QCOMPARE(opened->size(), 32);
    QVERIFY(!DecryptionKey::generate().openSealed(encryptor.sealedKey()).has_value());
    QVERIFY(!loaded->openSealed(encryptor.sealedKey().chopped(1)).has_value());
}

void TestKeys::saveRefusesToOverwrite_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("signing key") << u"signing"_s;
    QTest::newRow("decryption key") << u"decryption"_s;
}

void TestKeys::saveRefusesToOverwrite()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"k"_s);
    QVERIFY(saveKey(kind, path).ok());
    const QByteArray first = Test::readFile(path);

    const auto again = saveKey(kind, path);
    QVERIFY(!again.ok());
    QCOMPARE(reasonOf(again.error()), Reason::Io);
    QCOMPARE(again.error().message, path + u": already exists (refusing to replace a key)"_s);
    QCOMPARE(Test::readFile(path), first);

    QVERIFY(saveKey(kind, path, true).ok());
    QVERIFY(Test::readFile(path) != first);
    QCOMPARE(fileMode(path), 0600);
}

void TestKeys::loadRefusesOpenPermissions_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("accepted");
    for (const QString &kind : {u"signing"_s, u"decryption"_s}) {
        for (const int mode : {0644, 0640, 0604, 0660, 0602, 0610, 0600, 0400}) {
            const bool accepted = (mode & 077) == 0;
            QTest::addRow("%s %04o", qPrintable(kind), mode) << kind << mode << accepted;
        }
    }
}

void TestKeys::loadRefusesOpenPermissions()
{
    QFETCH(QString, kind);
    QFETCH(int, mode);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"k"_s);
    QVERIFY(saveKey(kind, path).ok());
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
    const Flight::Error error = loadError(kind, path);
    if (accepted) {
        QCOMPARE(error.message, u"loaded"_s);
        return;
    }
    QCOMPARE(reasonOf(error), Reason::BadKey);
    QVERIFY2(error.message.contains(u"permissions %1 are too open"_s.arg(mode, 4, 8, QLatin1Char('0'))),
             qPrintable(error.message));
    QVERIFY(error.message.startsWith(path + u": "_s));
}

void TestKeys::loadRejectsBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    const QByteArray seed = QByteArray(32, '\x01').toBase64();
    QTest::newRow("empty") << u"signing"_s << QByteArray() << u"not a flightrec-ed25519-secret key file"_s;
    QTest::newRow("wrong header") << u"signing"_s << "flightrec-x25519-secret " + seed + '\n'
                                  << u"not a flightrec-ed25519-secret key file"_s;
    QTest::newRow("short seed") << u"signing"_s << "flightrec-ed25519-secret " + QByteArray(31, 'a').toBase64()
                                << u"not a flightrec-ed25519-secret key file"_s;
    QTest::newRow("bad base64") << u"signing"_s << QByteArray("flightrec-ed25519-secret ****\n")
                                << u"not a flightrec-ed25519-secret key file"_s;
    QTest::newRow("extra word") << u"signing"_s << "flightrec-ed25519-secret " + seed + " x\n"
                                << u"not a flightrec-ed25519-secret key file"_s;
    QTest::newRow("public key text") << u"decryption"_s << "x25519:" + seed
                                     << u"not a flightrec-x25519-secret key file"_s;
    QTest::newRow("too large") << u"decryption"_s << QByteArray(5000, 'x') << u"larger than 4096 bytes"_s;
}

void TestKeys::loadRejectsBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"k"_s);
    QVERIFY(Test::writeFile(path, content));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    const Flight::Error error = loadError(kind, path);
    QCOMPARE(reasonOf(error), Reason::BadKey);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QVERIFY(error.message.startsWith(path));

    const Flight::Error missing = loadError(kind, dir.filePath(u"absent"_s));
    QCOMPARE(reasonOf(missing), Reason::Io);
    QVERIFY2(missing.message.contains(u"cannot open"_s), qPrintable(missing.message));
}

void TestKeys::publicKeyText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QString good = SigningKey::generate().publicKey().toText();
    QTest::newRow("generated") << good << true;
    QTest::newRow("surrounding whitespace") << u"  "_s + good + u"\n"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no prefix") << good.mid(8) << false;
    QTest::newRow("x25519 prefix") << u"x25519:"_s + good.mid(8) << false;
    QTest::newRow("upper-case prefix") << u"ED25519:"_s + good.mid(8) << false;
    QTest::newRow("31 bytes") << u"ed25519:"_s + QString::fromLatin1(QByteArray(31, 'k').toBase64()) << false;
    QTest::newRow("33 bytes") << u"ed25519:"_s + QString::fromLatin1(QByteArray(33, 'k').toBase64()) << false;
    QTest::newRow("bad base64") << u"ed25519:!!!!"_s << false;
    QTest::newRow("label attached") << good + u"#laptop"_s << false;
}

void TestKeys::publicKeyText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto key = PublicKey::fromText(text);
    QCOMPARE(key.ok(), valid);
    if (!valid) {
        QCOMPARE(reasonOf(key.error()), Reason::BadKey);
        QVERIFY2(key.error().message.contains(u"is not an Ed25519 public key"_s), qPrintable(key.error().message));
        return;
    }
    QCOMPARE(key->toText(), text.trimmed());
    QCOMPARE(key->raw().size(), 32);
    QVERIFY(QRegularExpression(u"^ed25519:[A-Za-z0-9+/]{43}=$"_s).match(key->toText()).hasMatch());
    QCOMPARE(*PublicKey::fromText(key->toText()), *key);
}

void TestKeys::fingerprint()
{
    const PublicKey key = SigningKey::generate().publicKey();
    const QString fingerprint = key.fingerprint();
    QVERIFY2(QRegularExpression(u"^BLAKE2B:[A-Za-z0-9+/]{43}$"_s).match(fingerprint).hasMatch(),
             qPrintable(fingerprint));
    const QByteArray expected = Blake2b256::hash(key.raw()).toBase64(QByteArray::OmitTrailingEquals);
    QCOMPARE(fingerprint, u"BLAKE2B:"_s + QString::fromLatin1(expected));
    QVERIFY(SigningKey::generate().publicKey().fingerprint() != fingerprint);
    // The same construction for recipient keys.
    const RecipientKey recipient = DecryptionKey::generate().recipient();
    QCOMPARE(recipient.fingerprint(),
             u"BLAKE2B:"_s
                 + QString::fromLatin1(Blake2b256::hash(recipient.raw()).toBase64(QByteArray::OmitTrailingEquals)));
}

void TestKeys::signAndVerify()
{
    const SigningKey key = SigningKey::generate();
    const PublicKey other = SigningKey::generate().publicKey();
    for (const QByteArray &message :
         {QByteArray(), QByteArray("{\"format\":\"flightrec-archive\"}\n"), QByteArray(100000, 'm')}) {
        const QByteArray signature = key.sign(message);
        QCOMPARE(signature.size(), 64);
        QVERIFY(key.publicKey().verify(message, signature));
        QVERIFY(!other.verify(message, signature));
        QVERIFY(!key.publicKey().verify(message + ' ', signature));
        QVERIFY(!key.publicKey().verify(message, signature.chopped(1)));
        QVERIFY(!key.publicKey().verify(message, signature + '\0'));
        QByteArray flipped = signature;
        flipped[17] = char(flipped[17] ^ 0x10);
        QVERIFY(!key.publicKey().verify(message, flipped));
    }
    QVERIFY(!PublicKey().verify("m", key.sign("m")));
}

void TestKeys::trustFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"trusted"_s);
    const PublicKey a = SigningKey::generate().publicKey(), b = SigningKey::generate().publicKey(),
                    c = SigningKey::generate().publicKey();
    const QByteArray content = "# hosts of case 2025-117\n\n   \n" + a.toText().toLatin1() + " web-01 (DMZ)\n"
        + "  # indented comment\n" + b.toText().toLatin1() + "\n" + c.toText().toLatin1() + "\tdb-02\r\n";
    QVERIFY(Test::writeFile(path, content));
    const auto keys = loadTrustFile(path);
    QVERIFY2(keys.ok(), keys.ok() ? "" : qPrintable(keys.error().message));
    QCOMPARE(keys->size(), 3);
    QCOMPARE(keys->at(0).key, a);
    QCOMPARE(keys->at(0).label, u"web-01 (DMZ)"_s);
    QCOMPARE(keys->at(1).key, b);
    QCOMPARE(keys->at(1).label, QString());
    QCOMPARE(keys->at(2).key, c);
    QCOMPARE(keys->at(2).label, u"db-02"_s);
}

void TestKeys::badTrustFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // "%1" is the file's path
    const QByteArray good = SigningKey::generate().publicKey().toText().toLatin1();
    QTest::newRow("bad key on line 3") << "# c\n" + good + "\ned25519:AAAA laptop\n" << u"%1:3: 'ed25519:AAAA'"_s;
    QTest::newRow("recipient key") << "x25519:" + good.mid(8) + '\n' << u"%1:1: 'x25519:"_s;
    QTest::newRow("only comments") << QByteArray("# nobody\n\n") << u"%1: no public key in trust file"_s;
    QTest::newRow("empty") << QByteArray() << u"%1: no public key in trust file"_s;
}

void TestKeys::badTrustFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"trusted"_s);
    QVERIFY(Test::writeFile(path, content));
    const auto keys = loadTrustFile(path);
    QVERIFY(!keys.ok());
    QCOMPARE(reasonOf(keys.error()), Reason::BadKey);
    QVERIFY2(keys.error().message.startsWith(expected.arg(path)), qPrintable(keys.error().message));

    const auto missing = loadTrustFile(dir.filePath(u"absent"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(reasonOf(missing.error()), Reason::Io);
}

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
