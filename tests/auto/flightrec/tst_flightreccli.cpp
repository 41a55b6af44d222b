// SPDX-License-Identifier: GPL-3.0-or-later
// The flightrec command line as scripts use it: exit codes 0/1/2, one line per file, nothing printed from an
// invalid archive (DESIGN.md "CLI contract").
#include "eventcodec.h"
#include "sampleevents.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run flightrec(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FLIGHTREC_BINARY), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Offset of the first entry's data (the events, which the writer stores first): after the local file header.
qint64 firstEntryDataOffset(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray header = file.read(30);
    auto u16 = [&](int at) { return qint64(quint8(header[at])) | qint64(quint8(header[at + 1])) << 8; };
    return 30 + u16(26) + u16(28);
}

void flipByte(const QString &path, qint64 offset)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(offset));
    char c = 0;
    QVERIFY(file.getChar(&c));
    QVERIFY(file.seek(offset));
    QVERIFY(file.putChar(char(c ^ 0x01)));
}

} // namespace

class TestFlightrecCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>(); // a fresh directory per test function
        QVERIFY(m_temp->isValid());
        m_key = SigningKey::generate();
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << u"usage: flightrec"_s;
        QTest::newRow("unknown command") << QStringList{u"fly"_s} << u"unknown command 'fly'"_s;
        QTest::newRow("unknown option") << QStringList{u"verify"_s, u"--bogus"_s, u"x"_s}
                                        << u"verify: Unknown option 'bogus'"_s;
        QTest::newRow("verify without files") << QStringList{u"verify"_s} << u"verify: missing arguments"_s;
        QTest::newRow("cat two files") << QStringList{u"cat"_s, u"a"_s, u"b"_s} << u"cat: too many arguments"_s;
        QTest::newRow("bad key type") << QStringList{u"keygen"_s, u"--type"_s, u"rsa"_s, u"--key"_s, u"/tmp/never"_s}
                                      << u"unknown key type 'rsa'"_s;
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = flightrec(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void keygenCreatesPrivateKeyAndPubkeyMatches()
    {
        const QString path = m_dir().filePath(u"etc/host.key"_s);
        const Run created = flightrec({u"keygen"_s, u"--key"_s, path});
        QCOMPARE(created.exitCode, 0);
        QVERIFY(created.out.startsWith(u"ed25519:"_s));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);

        const Run shown = flightrec({u"pubkey"_s, u"--key"_s, path});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.out, created.out);
        auto loaded = SigningKey::load(path);
        QVERIFY(loaded);
        QVERIFY(created.out.startsWith(loaded->publicKey().toText() + u' '));

        const Run again = flightrec({u"keygen"_s, u"--key"_s, path});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(u"already exists"_s));
        QCOMPARE(flightrec({u"pubkey"_s, u"--key"_s, path}).out, created.out); // untouched
        const Run forced = flightrec({u"keygen"_s, u"--key"_s, path, u"--force"_s});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(forced.out != created.out);
    }

    void pubkeyRefusesReadableKey()
    {
        const QString path = m_dir().filePath(u"open.key"_s);
        QVERIFY(m_key.save(path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const Run run = flightrec({u"pubkey"_s, u"--key"_s, path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"permissions 0604 are too open"_s), qPrintable(run.err));
    }

    void verifyValidArchive()
    {
        const QString path = archive(u"a.frec"_s, 1);
        const Run run = flightrec({u"verify"_s, path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(u"OK %1: host web-01, seq 1, %2 events, signer %3"_s.arg(path)
                                        .arg(oneEventOfEachKind().size())
                                        .arg(m_key.publicKey().fingerprint())),
                 qPrintable(run.out));
        QCOMPARE(run.out.count(u'\n'), 1);
    }

    void verifyReportsEachFile()
    {
        const QString good = archive(u"good.frec"_s, 1);
        const QString bad = archive(u"bad.frec"_s, 1, u"other"_s);
        flipByte(bad, firstEntryDataOffset(bad) + 10);
        const QString missing = m_dir().filePath(u"missing.frec"_s);

        const Run run = flightrec({u"verify"_s, good, bad});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(u"OK "_s + good));
        QVERIFY2(lines[1].startsWith(u"INVALID %1: "_s.arg(bad)) && lines[1].contains(u"events.jsonl"_s),
                 qPrintable(lines[1]));

        const Run withMissing = flightrec({u"verify"_s, good, bad, missing});
        QCOMPARE(withMissing.exitCode, 2); // an I/O error outranks invalid data
        QVERIFY(withMissing.out.contains(u"INVALID %1: no such file"_s.arg(missing)));
    }

    void verifyTrust()
    {
        const QString path = archive(u"a.frec"_s, 1);
        const QString trustFile = m_dir().filePath(u"trusted"_s);
        writeText(trustFile, u"# fleet\n%1 web1\n"_s.arg(m_key.publicKey().toText()));
        QCOMPARE(flightrec({u"verify"_s, u"--trust"_s, trustFile, path}).exitCode, 0);

        writeText(trustFile, SigningKey::generate().publicKey().toText() + u" someone-else\n"_s);
        const Run run = flightrec({u"verify"_s, u"--trust"_s, trustFile, path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"unknown signer %1"_s.arg(m_key.publicKey().fingerprint())), qPrintable(run.out));

        writeText(trustFile, u"not a key\n"_s);
        const Run bad = flightrec({u"verify"_s, u"--trust"_s, trustFile, path});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(trustFile + u":1:"_s), qPrintable(bad.err));
    }

    void verifyChainAcrossFiles_data()
    {
        QTest::addColumn<QList<int>>("sequence"); // seq numbers written; -1: a forked seq 2
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("intact") << QList<int>{1, 2, 3} << 0 << QString();
        QTest::newRow("gap") << QList<int>{1, 2, 5} << 1
                             << u"sequence gap: a2.frec has sequence 2, so 3..4 are missing"_s;
        QTest::newRow("fork") << QList<int>{1, 2, -1} << 1 << u"fork: sequence 2 also belongs to"_s;
    }
    void verifyChainAcrossFiles()
    {
        QFETCH(QList<int>, sequence);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList paths;
        QMap<qint64, QString> digests;
        for (int i = 0; i < sequence.size(); ++i) {
            const bool fork = sequence[i] < 0;
            const qint64 seq = fork ? 2 : sequence[i];
            const QString path = m_dir().filePath(u"a%1.frec"_s.arg(fork ? u"2-fork"_s : QString::number(seq)));
            // An archive after a gap links to a predecessor this test never wrote.
            const QString prevDigest = seq == 1 ? QString() : digests.value(seq - 1, QString(64, u'e'));
            auto sealed = writeArchive(path, m_key, mixedEvents(5 + i), sampleHeader(seq, prevDigest));
            QVERIFY(sealed);
            digests.insert(seq, sealed->digest);
            paths.append(path);
        }
        const Run run = flightrec(QStringList{u"verify"_s} + paths);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(message.isEmpty() ? !run.out.contains(u"INVALID"_s) : run.out.contains(message), qPrintable(run.out));

        const Run asDirectory = flightrec({u"verify"_s, m_dir().path()});
        QCOMPARE(asDirectory.exitCode, exitCode);
        QCOMPARE(asDirectory.out.count(u"OK "_s), sequence.size());
    }

    void verifyJson()
    {
        const QString path = archive(u"a.frec"_s, 1);
        const Run run = flightrec({u"verify"_s, u"--json"_s, path});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o.value(u"valid"_s).toBool(), true);
        QCOMPARE(o.value(u"seq"_s).toInteger(), 1);
        QCOMPARE(o.value(u"events"_s).toInteger(), oneEventOfEachKind().size());
        QCOMPARE(o.value(u"signer"_s).toString(), m_key.publicKey().fingerprint());
    }

    void catPrintsEventsExactly()
    {
        const QString path = archive(u"a.frec"_s, 1);
        const Run run = flightrec({u"cat"_s, path});
        QCOMPARE(run.exitCode, 0);
        QByteArray expected;
        for (const Event &e : oneEventOfEachKind())
            encodeEvent(e, expected);
        QCOMPARE(run.out.toUtf8(), expected);

        const Run manifest = flightrec({u"cat"_s, u"--manifest"_s, path});
        QCOMPARE(manifest.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(manifest.out.toUtf8()).object().value(u"seq"_s).toInteger(), 1);
    }

    void catPrintsNothingFromInvalidArchive()
    {
        const QString path = archive(u"a.frec"_s, 1);
        flipByte(path, firstEntryDataOffset(path) + 10);
        const Run run = flightrec({u"cat"_s, path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith(u"flightrec: %1: "_s.arg(path)), qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 1);
    }

    void catEncrypted()
    {
        const QString keyPath = m_dir().filePath(u"case.key"_s);
        const Run keygen = flightrec({u"keygen"_s, u"--type"_s, u"x25519"_s, u"--key"_s, keyPath});
        QCOMPARE(keygen.exitCode, 0);
        auto recipient = RecipientKey::fromText(keygen.out.section(u' ', 0, 0));
        QVERIFY(recipient);
        WriterOptions options;
        options.recipient = *recipient;
        const QString path = m_dir().filePath(u"enc.frec"_s);
        QVERIFY(writeArchive(path, m_key, oneEventOfEachKind(), sampleHeader(), options));

        const Run verified = flightrec({u"verify"_s, path});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.out.contains(u"(encrypted, digest checked)"_s));
        const Run withoutKey = flightrec({u"cat"_s, path});
        QCOMPARE(withoutKey.exitCode, 2);
        QVERIFY(withoutKey.err.contains(u"--decrypt-key"_s));
        const Run withKey = flightrec({u"cat"_s, u"--decrypt-key"_s, keyPath, path});
        QCOMPARE(withKey.exitCode, 0);
        QCOMPARE(withKey.out.count(u'\n'), oneEventOfEachKind().size());

        const QString otherKey = m_dir().filePath(u"other.key"_s);
        QVERIFY(DecryptionKey::generate().save(otherKey));
        const Run wrongKey = flightrec({u"cat"_s, u"--decrypt-key"_s, otherKey, path});
        QCOMPARE(wrongKey.exitCode, 1);
        QVERIFY2(wrongKey.err.contains(u"cannot decrypt"_s), qPrintable(wrongKey.err));
    }

    void snapshotContinuesTheKeysChain()
    {
        const QString key = m_dir().filePath(u"host.key"_s);
        QCOMPARE(flightrec({u"keygen"_s, u"--key"_s, key}).exitCode, 0);
        const QString first = m_dir().filePath(u"snap-1.frec"_s), second = m_dir().filePath(u"snap-2.frec"_s);
        const Run one = flightrec({u"snapshot"_s, u"--key"_s, key, u"--out"_s, first});
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.out.contains(u", seq 1, digest "_s), qPrintable(one.out + one.err));
        const Run two = flightrec({u"snapshot"_s, u"--key"_s, key, u"--out"_s, second});
        QCOMPARE(two.exitCode, 0);
        QVERIFY2(two.out.contains(u", seq 2, digest "_s), qPrintable(two.out));

        const Run verified = flightrec({u"verify"_s, first, second});
        QCOMPARE(verified.exitCode, 0);
        QCOMPARE(verified.out.count(u"OK "_s), 2);

        // This test process is in the snapshot, with its real pid.
        const Run events = flightrec({u"cat"_s, second});
        QCOMPARE(events.exitCode, 0);
        bool foundSelf = false;
        QStringList checks;
        for (const QString &line : events.out.split(u'\n', Qt::SkipEmptyParts)) {
            auto event = decodeEvent(line.toUtf8());
            QVERIFY2(event, qPrintable(line));
            if (const auto *p = std::get_if<ProcSnapshot>(&event->body))
                foundSelf |= p->proc.pid == QCoreApplication::applicationPid();
            if (const auto *state = std::get_if<StateSnapshot>(&event->body))
                checks.append(state->check);
        }
        QVERIFY(foundSelf);
        // And the integrity state, every check (a check that cannot run here would be named in the manifest).
        QCOMPARE(checks, (QStringList{u"packages"_s, u"modules"_s, u"bpf"_s, u"files"_s, u"logins"_s,
                                      u"accounts"_s, u"listeners"_s}));

        const Run exists = flightrec({u"snapshot"_s, u"--key"_s, key, u"--out"_s, second});
        QCOMPARE(exists.exitCode, 2);
        QVERIFY2(exists.err.contains(u"already exists"_s), qPrintable(exists.err));
        const Run noKey
            = flightrec({u"snapshot"_s, u"--key"_s, m_dir().filePath(u"none.key"_s), u"--out"_s, first + u"x"_s});
        QCOMPARE(noKey.exitCode, 2);
        QVERIFY2(noKey.err.contains(u"create one with 'flightrec keygen"_s), qPrintable(noKey.err));
    }

private:
    QString archive(const QString &name, qint64 seq, const QString &hostname = u"web-01"_s)
    {
        const QString path = m_dir().filePath(name);
        auto sealed = writeArchive(path, m_key, oneEventOfEachKind(), sampleHeader(seq, {}, hostname));
        if (!sealed)
            qFatal("cannot write %s: %s", qPrintable(path), qPrintable(sealed.error().message));
        return path;
    }

    static void writeText(const QString &path, const QString &text)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text.toUtf8());
    }

    std::unique_ptr<QTemporaryDir> m_temp;
    QTemporaryDir &m_dir() { return *m_temp; }
    SigningKey m_key = SigningKey::generate();
};

QTEST_GUILESS_MAIN(TestFlightrecCli)
#include "tst_flightreccli.moc"
