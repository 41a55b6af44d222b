// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessImageQueries on SQLite and a real PostgreSQL: the image an exec or a snapshot recorded (exe digest,
// environment allowlist with hostile bytes, tty, login ids, effective ids, cut argv, core dump) comes back as
// recorded, and a process named only by a fork has none.
#include "imagefixture.h"
#include "importer.h"
#include "processimagequeries.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestProcessImage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void recordedImage_data();
    void recordedImage();
    void splitsStoredEnvironment();

private:
    std::unique_ptr<Database> importInto(const QString &location, const QString &name);

    std::unique_ptr<FreshCases> m_fresh;
};

void TestProcessImage::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

std::unique_ptr<Database> TestProcessImage::importInto(const QString &location, const QString &name)
{
    auto opened = Database::open(location);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return nullptr;
    }
    const QString folder = QDir(m_fresh->dir()).filePath(name);
    QDir().mkpath(folder);
    ImageScenario scenario(folder);
    if (!TrustStore(**opened).trust(scenario.delta.key.publicKey(), u"delta"_s))
        return nullptr;
    const auto outcome = Importer(**opened).importFile(scenario.archive);
    if (outcome.status != ImportStatus::Imported) {
        qWarning("%s", qPrintable(outcome.message));
        return nullptr;
    }
    return std::move(*opened);
}

void TestProcessImage::recordedImage_data()
{
    ScenarioCases::addEngineRows();
}

void TestProcessImage::recordedImage()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    const auto location = m_fresh->create(engine, u"image"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    auto db = importInto(*location, name);
    QVERIFY(db);
    const qint64 host = *findHost(*db, u"delta"_s);
    ProcessQueries processes(*db);
    ProcessImageQueries images(*db);

    auto bash = images.image(processes.processByPid(host, 700)->id);
    QVERIFY2(bash.ok(), qPrintable(bash.error().message));
    QCOMPARE(bash->imageKind, u"proc.exec"_s);
    QCOMPARE(bash->exeDigest, QString::fromLatin1(ImageScenario::kBashDigest));
    QCOMPARE(bash->euid, 0);
    QCOMPARE(bash->gid, 1000);
    QCOMPARE(bash->egid, 1001);
    QCOMPARE(bash->loginuid, 1000);
    QCOMPARE(bash->sessionid, 3);
    QCOMPARE(bash->tty, u"pts/0"_s);
    QCOMPARE(bash->cgroup, QByteArray("/user.slice/user-1000.slice/session-3.scope"));
    QVERIFY(bash->argvTruncated);
    QVERIFY(bash->exitCore);
    QCOMPARE(bash->env.size(), 2);
    QCOMPARE(bash->env[0].first, u"LANG"_s);
    QCOMPARE(bash->env[0].second, ImageScenario::hostileLang());
    QCOMPARE(bash->env[1].first, u"SSH_CONNECTION"_s);

    auto sshd = images.image(processes.processByPid(host, 600)->id);
    QVERIFY(sshd.ok());
    QCOMPARE(sshd->imageKind, u"proc.snapshot"_s);
    QCOMPARE(sshd->exeDigest, QString::fromLatin1(ImageScenario::kSshdDigest));
    QCOMPARE(sshd->env.size(), 1);
    QCOMPARE(sshd->env[0].first, u"SSH_AUTH_SOCK"_s);
    QVERIFY(!sshd->exitCore);

    auto forked = images.image(processes.processByPid(host, 701)->id);
    QVERIFY(forked.ok());
    QVERIFY(forked->imageKind.isEmpty());
    QVERIFY(forked->exeDigest.isEmpty());
    QVERIFY(forked->env.isEmpty());
    QVERIFY(forked->tty.isEmpty());

    auto missing = images.image(999999);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(u"process #999999"_s), qPrintable(missing.error().message));
}

void TestProcessImage::splitsStoredEnvironment()
{
    QCOMPARE(splitEnv(QByteArray()), (QList<QPair<QString, QByteArray>>{}));
    const QByteArray stored = QByteArray("A=1") + '\0' + "B=x=y" + '\0' + "NOVALUE" + '\0' + "C=";
    const QList<QPair<QString, QByteArray>> expected{
        {u"A"_s, "1"}, {u"B"_s, "x=y"}, {u"NOVALUE"_s, QByteArray()}, {u"C"_s, QByteArray()}};
    QCOMPARE(splitEnv(stored), expected);
}

QTEST_GUILESS_MAIN(TestProcessImage)
#include "tst_processimage.moc"
