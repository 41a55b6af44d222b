// SPDX-License-Identifier: GPL-3.0-or-later
// The detection rule package-outside-manager (rules/) on what the real collector records (root). The collector is
// pointed at a copy of this machine's dpkg database (dpkg_admin_dir, a temporary directory), so the machine's own
// database is never written; every file the test makes is in temporary directories removed on every path out.
// - Outside a package manager: while `flightrec record` runs, a shell appends a package's stanza to the copy's
//   status file by hand. Imported with the rules evaluated at import, the packages change raises the alert.
// - Through a package manager: in a recording of its own (a case of its own, so that the first workload's dpkg-free
//   time is not mixed with this one), the real dpkg installs and then removes a small .deb it built with dpkg-deb,
//   with --admindir on another copy, --instdir in a temporary directory and its log there (not /var/log/dpkg.log).
//   The collector sees both package changes, and the rule stays quiet.
#include "database.h"
#include "detectionrule.h"
#include "importer.h"
#include "keys.h"
#include "recordsession.h"
#include "sampleevents.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

// Runs `program` to its end; true on exit 0, its output in `output`.
bool run(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool done = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit;
    *output = program + u": "_s + QString::fromUtf8(process.readAll().right(2000));
    return done && process.exitCode() == 0;
}

// A copy of the machine's dpkg database (its status file, and the directories dpkg wants) in `dir`.
bool copyDpkgDatabase(const QString &dir)
{
    for (const char *sub : {"info", "updates", "triggers"}) {
        if (!QDir().mkpath(dir + u'/' + QLatin1StringView(sub)))
            return false;
    }
    return QFile::copy(u"/var/lib/dpkg/status"_s, dir + u"/status"_s);
}

} // namespace

class TestPackagesLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void handEditOfThePackageDatabaseFires();
    void packageManagerStaysQuiet();

private:
    // Records while `workload` runs, with the collector on the dpkg database copy `adminDir`; imports the archives
    // with the rules into a case of its own in `dir`.
    std::unique_ptr<Deck::Core::Database> record(const QString &dir, const QString &adminDir,
                                                 const std::function<void()> &workload);
    QStringList packageAlerts(Deck::Core::Database &db);
    int packageChangesNaming(Deck::Core::Database &db, const QString &package);

    QTemporaryDir m_temp;
    QString m_tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
};

void TestPackagesLive::initTestCase()
{
    if (::geteuid() != 0)
        FLIGHT_SKIP("recording the machine needs root");
    if (!QFile::exists(u"/var/lib/dpkg/status"_s))
        FLIGHT_SKIP("this machine has no dpkg database (/var/lib/dpkg/status)");
    QVERIFY(m_temp.isValid());
    QVERIFY(SigningKey::generate().save(m_temp.filePath(u"host.key"_s)));
}

std::unique_ptr<Deck::Core::Database> TestPackagesLive::record(const QString &dir, const QString &adminDir,
                                                               const std::function<void()> &workload)
{
    RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s), dir + u"/out"_s,
                          {u"integrity_sweep = 1s"_s, u"dpkg_admin_dir = "_s + adminDir});
    QString why;
    if (!session.start(120, &why)) {
        qWarning("%s", qPrintable(why));
        return {};
    }
    QTest::qWait(1500); // the snapshot of the copy is taken
    workload();
    QTest::qWait(3000); // the next sweeps and the file events see the change
    if (session.stop() != 0) {
        qWarning("flightrec record: %s", qPrintable(session.stdErr()));
        return {};
    }
    auto db = Deck::Core::Database::open(dir + u"/case.sqlite"_s);
    const auto rules = Deck::Core::loadDetectionRules(QStringLiteral(FLIGHT_RULES_DIR));
    const auto key = SigningKey::load(m_temp.filePath(u"host.key"_s));
    if (!db || !rules.errors.isEmpty() || !key || !Deck::Core::TrustStore(**db).trust(key->publicKey(), u"live"_s)) {
        qWarning("cannot set up the case: %s", qPrintable(rules.errors.join(u"; "_s)));
        return {};
    }
    Deck::Core::Importer importer(**db, {std::nullopt, {}, rules.rules, {}});
    for (const QString &archive : Deck::Core::Importer::findArchives({dir + u"/out"_s})) {
        const auto outcome = importer.importFile(archive);
        if (outcome.status != Deck::Core::ImportStatus::Imported) {
            qWarning("%s", qPrintable(outcome.message));
            return {};
        }
    }
    return std::move(*db);
}

QStringList TestPackagesLive::packageAlerts(Deck::Core::Database &db)
{
    QStringList alerts;
    auto q = db.query(u"SELECT detail FROM alerts WHERE source = 'rule' AND rule = 'package-outside-manager'"_s);
    while (q && q->next())
        alerts.append(q->value(0).toString());
    return alerts;
}

int TestPackagesLive::packageChangesNaming(Deck::Core::Database &db, const QString &package)
{
    auto n = db.scalar(u"SELECT COUNT(*) FROM state_changes WHERE kind = 'state.change' AND check_name = 'packages' "
                       u"AND detail LIKE ?"_s,
                       {u"%"_s + package + u"%"_s});
    return n ? n->toInt() : -1;
}

void TestPackagesLive::handEditOfThePackageDatabaseFires()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString admin = dir.filePath(u"dpkg"_s);
    QVERIFY(copyDpkgDatabase(admin));
    const QString package = u"flightdeck-hand-edit-"_s + m_tag;
    auto db = record(dir.path(), admin, [&] {
        QString output;
        QVERIFY2(run(u"/bin/sh"_s,
                     {u"-c"_s, u"printf '\\nPackage: %1\\nStatus: install ok installed\\nVersion: 6.6.6\\n"
                               u"Architecture: all\\nDescription: put here by hand\\n' >> %2"_s.arg(
                                   package, admin + u"/status"_s)},
                     &output),
                 qPrintable(output));
    });
    QVERIFY(db);
    QCOMPARE(packageChangesNaming(*db, package), 1);
    auto alerted
        = db->scalar(u"SELECT COUNT(*) FROM alerts a JOIN alert_evidence e ON e.alert_id = a.id "
                     u"JOIN state_changes s ON s.id = e.object_id AND e.object_type = 'state_change' "
                     u"WHERE a.rule = 'package-outside-manager' AND s.detail LIKE ?"_s,
                     {u"%"_s + package + u"%"_s});
    QVERIFY(alerted);
    QVERIFY2(alerted->toInt() == 1,
             qPrintable(u"%1 alerts on the hand edit; all: %2"_s.arg(alerted->toInt()).arg(packageAlerts(*db).join(
                 u"; "_s))));
}

void TestPackagesLive::packageManagerStaysQuiet()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString admin = dir.filePath(u"dpkg"_s);
    QVERIFY(copyDpkgDatabase(admin));
    const QString package = u"flightdeck-by-dpkg-"_s + m_tag;
    const QString tree = dir.filePath(u"tree"_s);
    QVERIFY(QDir().mkpath(tree + u"/DEBIAN"_s) && QDir().mkpath(tree + u"/opt/"_s + package));
    QVERIFY(writeFile(tree + u"/DEBIAN/control"_s,
                      u"Package: %1\nVersion: 1.0\nArchitecture: all\nMaintainer: flightdeck tests "
                      u"<tests@invalid>\nDescription: detection test package\n"_s.arg(package)
                          .toUtf8()));
    QVERIFY(writeFile(tree + u"/opt/"_s + package + u"/README"_s, "test\n"));
    const QString deb = dir.filePath(package + u".deb"_s);
    QString output;
    QVERIFY2(run(u"dpkg-deb"_s, {u"--root-owner-group"_s, u"--build"_s, tree, deb}, &output), qPrintable(output));
    QVERIFY(QDir().mkpath(dir.filePath(u"root"_s)));
    // Every place dpkg writes is under `dir`: the database copy, the installed tree, the log.
    const QStringList dpkg{u"--admindir="_s + admin, u"--instdir="_s + dir.filePath(u"root"_s),
                           u"--log="_s + dir.filePath(u"dpkg.log"_s)};
    auto db = record(dir.path(), admin, [&] {
        QString out;
        QVERIFY2(run(u"dpkg"_s, dpkg + QStringList{u"-i"_s, deb}, &out), qPrintable(out));
        QTest::qWait(1500); // two changes, not one
        QVERIFY2(run(u"dpkg"_s, dpkg + QStringList{u"-r"_s, package}, &out), qPrintable(out));
    });
    QVERIFY(db);
    QVERIFY(QFile::exists(dir.filePath(u"dpkg.log"_s)));
    // The collector saw the package installed and removed, and the rule said nothing of it.
    QCOMPARE(packageChangesNaming(*db, package), 2);
    QCOMPARE(packageAlerts(*db), QStringList());
}

QTEST_GUILESS_MAIN(TestPackagesLive)
#include "tst_packageslive.moc"
