// SPDX-License-Identifier: GPL-3.0-or-later
// Detection rules (detectionrule.h, detector.h): rule files parsed (good ones, and bad ones each named by file,
// line and reason while the other rules still load), and every rule of the repo's rules/ folder on a SQLite case
// file and on a real PostgreSQL cluster: the scenario of detectionfixture.h imported through the real importer with
// the rules evaluated at import, then on demand; each rule fires where it must and stays quiet on the look-alikes,
// and running the rules again adds nothing.
#include "alertwriter.h"
#include "detectionfixture.h"
#include "detector.h"
#include "importer.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestDetections : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void goodRuleFile();
    void badRuleFile_data();
    void badRuleFile();
    void folderWithABadFile();
    void repoRulesLoad();
    void rulesOnCase_data();
    void rulesOnCase();
    void cli();

private:
    // A file or folder of the tests' own temporary directory.
    QString tempPath(const QString &name) const { return QDir(m_fresh->dir()).filePath(name); }

    std::unique_ptr<FreshCases> m_fresh;
};

namespace {

const QByteArray kGoodRule = "# a comment\n"
                             "name: test-rule\n"
                             "severity: High\n"
                             "title: Something ran\n"
                             "description:\n"
                             "    It means this.\n"
                             "    Triage: that.\n"
                             "match: event.kind == proc.exec\n"
                             "    and proc.exe startswith \"/tmp/\"\n"
                             "unless: proc.comm == dpkg\n"
                             "within: 60s\n"
                             "first per: proc.exe, user\n";

} // namespace

void TestDetections::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

void TestDetections::goodRuleFile()
{
    auto rule = parseDetectionRule(u"r/test.rule"_s, kGoodRule);
    QVERIFY2(rule.ok(), qPrintable(rule.error().message));
    QCOMPARE(rule->name, u"test-rule"_s);
    QCOMPARE(rule->severity, u"high"_s);
    QCOMPARE(rule->title, u"Something ran"_s);
    QCOMPARE(rule->description, u"It means this.\nTriage: that."_s);
    QCOMPARE(rule->matchText, u"event.kind == proc.exec\nand proc.exe startswith \"/tmp/\""_s);
    QCOMPARE(rule->match.kind, FilterNode::Kind::And);
    QCOMPARE(rule->match.children.at(1).op, FilterOp::StartsWith);
    QCOMPARE(rule->unlessText, u"proc.comm == dpkg"_s);
    QCOMPARE(rule->withinSeconds, 60);
    QCOMPARE(rule->firstPer, (QStringList{u"proc.exe"_s, u"user"_s}));
}

void TestDetections::badRuleFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const auto without = [](const QByteArray &line) { return QByteArray(kGoodRule).replace(line, ""); };
    QTest::newRow("unknown key") << kGoodRule + "colour: red\n" << u"r/bad.rule:13: unknown key 'colour'"_s;
    QTest::newRow("no match") << without("match: event.kind == proc.exec\n    and proc.exe startswith \"/tmp/\"\n")
                              << u"r/bad.rule:"_s + u"10: 'match' is missing"_s;
    QTest::newRow("bad severity") << QByteArray(kGoodRule).replace("High", "urgent")
                                  << u"r/bad.rule:3: severity 'urgent': use low, medium or high"_s;
    QTest::newRow("filter error on its line") << QByteArray(kGoodRule).replace("startswith", "startwith")
                                              << u"r/bad.rule:9: match: column 14: expected an operator"_s;
    QTest::newRow("unless without within")
        << without("within: 60s\n") << u"r/bad.rule:10: 'unless' and 'within' go together"_s;
    QTest::newRow("bad within") << QByteArray(kGoodRule).replace("60s", "soon")
                                << u"r/bad.rule:11: within 'soon': give seconds"_s;
    QTest::newRow("first per unknown field") << QByteArray(kGoodRule).replace("proc.exe, user", "proc.colour")
                                             << u"r/bad.rule:12: first per: unknown field 'proc.colour'"_s;
    QTest::newRow("twice") << kGoodRule + "title: again\n"
                           << u"r/bad.rule:13: 'title' is given twice (first on line 4)"_s;
    QTest::newRow("bad name") << QByteArray(kGoodRule).replace("test-rule", "a rule")
                              << u"r/bad.rule:2: name 'a rule': use up to 64 letters"_s;
    QTest::newRow("orphan continuation") << "    indented\n" + kGoodRule
                                         << u"r/bad.rule:1: an indented line continues no key"_s;
    QTest::newRow("not text") << QByteArray("name: \xff\xfe\n") << u"r/bad.rule:1: not UTF-8 text"_s;
}

void TestDetections::badRuleFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    auto rule = parseDetectionRule(u"r/bad.rule"_s, text);
    QVERIFY(!rule.ok());
    QVERIFY2(rule.error().message.startsWith(error), qPrintable(rule.error().message));
    QVERIFY(!rule.error().message.contains(u'\n'));
}

void TestDetections::folderWithABadFile()
{
    const QString folder = tempPath(u"mixed"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(Flight::TestSupport::writeFile(folder + u"/a-good.rule"_s, kGoodRule));
    QVERIFY(Flight::TestSupport::writeFile(folder + u"/b-bad.rule"_s, QByteArray(kGoodRule).replace("==", "=")));
    QVERIFY(Flight::TestSupport::writeFile(folder + u"/c-same-name.rule"_s, kGoodRule));
    QVERIFY(Flight::TestSupport::writeFile(folder + u"/notes.txt"_s, "not a rule"));
    const DetectionRuleSet set = loadDetectionRules(folder);
    QCOMPARE(set.rules.size(), 1);
    QCOMPARE(set.rules.at(0).name, u"test-rule"_s);
    QCOMPARE(set.errors.size(), 2);
    QVERIFY2(set.errors.at(0).startsWith(folder + u"/b-bad.rule:8: match: column 12: '=' is not an operator"_s),
             qPrintable(set.errors.at(0)));
    QVERIFY2(set.errors.at(1).startsWith(folder + u"/c-same-name.rule:1: the name 'test-rule' is taken by "_s),
             qPrintable(set.errors.at(1)));
    QCOMPARE(loadDetectionRules(tempPath(u"nowhere"_s)).errors.size(), 1);
}

void TestDetections::repoRulesLoad()
{
    const DetectionRuleSet set = loadDetectionRules(QStringLiteral(FLIGHT_RULES_DIR));
    QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.join(u'\n')));
    QStringList names;
    for (const DetectionRule &rule : set.rules) {
        names << rule.name;
        QCOMPARE(QFileInfo(rule.file).completeBaseName(), rule.name);
        QVERIFY2(rule.description.size() > 100, qPrintable(rule.name));
    }
    QCOMPARE(names,
             (QStringList{u"bpf-program"_s, u"cron-write"_s, u"deleted-or-memfd-exe"_s, u"exec-from-tmp"_s,
                          u"kernel-module"_s, u"ld-preload"_s, u"new-listener"_s, u"package-outside-manager"_s,
                          u"reverse-shell"_s, u"setuid-without-setuid-bit"_s, u"ssh-authorized-keys"_s,
                          u"sudoers-write"_s, u"systemd-unit-write"_s}));
}

void TestDetections::rulesOnCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestDetections::rulesOnCase()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto db = m_fresh->open(engine, u"detections"_s, &name);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    const QString folder = tempPath(name);
    QVERIFY(QDir().mkpath(folder));
    DetectionScenario scenario(folder);
    const DetectionRuleSet rules = loadDetectionRules(QStringLiteral(FLIGHT_RULES_DIR));
    QVERIFY(rules.errors.isEmpty());

    // At import: every rule.
    QVERIFY(TrustStore(**db).trust(scenario.epsilon.key.publicKey(), u"epsilon"_s).ok());
    Importer importer(**db, {std::nullopt, {}, rules.rules, {}});
    qint64 raisedAtImport = 0;
    for (const QString &archive : std::as_const(scenario.archives)) {
        const ImportOutcome outcome = importer.importFile(archive);
        QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
        raisedAtImport += outcome.ruleAlerts;
    }
    QCOMPARE(DetectionScenario::raisedAlerts(**db).join(u", "_s), DetectionScenario::expectedAlerts().join(u", "_s));
    QCOMPARE(raisedAtImport, qint64(DetectionScenario::expectedAlerts().size()));

    // On demand: the same objects match, nothing new is raised; progress names every rule.
    QStringList progress;
    auto run = Detector(**db, rules.rules).run({}, [&](int index, int count, const QString &rule) {
        progress << u"%1/%2 %3"_s.arg(index + 1).arg(count).arg(rule);
        return true;
    });
    QVERIFY2(run.ok(), qPrintable(run.error().message));
    QCOMPARE(progress.size(), rules.rules.size());
    QCOMPARE(run->raised.size(), 0);
    QCOMPARE(run->matched, qint64(DetectionScenario::expectedAlerts().size()));

    // Scoped to a host and a time range: only what is inside.
    auto hostId = (*db)->scalar(u"SELECT id FROM hosts"_s);
    QVERIFY(hostId.ok());
    DetectionScope scope{hostId->toLongLong(),
                         {Flight::TestSupport::kBaseTs + 69'000'000LL, Flight::TestSupport::kBaseTs + 77'000'000LL},
                         std::nullopt};
    auto scoped = Detector(**db, rules.rules).run(scope);
    QVERIFY2(scoped.ok(), qPrintable(scoped.error().message));
    QCOMPARE(scoped->matched, 5); // the five sensitive-file writes at 70..76 ms

    // The evidence: a file event and then its process; the alert's detail names both.
    auto alertId = (*db)->scalar(u"SELECT id FROM alerts WHERE rule = 'sudoers-write' AND detail LIKE '%rename%'"_s);
    QVERIFY2(alertId.ok() && !alertId->isNull(), "the sudoers rename raised no alert");
    auto evidence = alertEvidence(**db, alertId->toLongLong());
    QVERIFY(evidence.ok());
    QCOMPARE(evidence->size(), 2);
    QCOMPARE(evidence->at(0).object.type, ObjectType::FileEvent);
    QCOMPARE(evidence->at(1).object.type, ObjectType::Process);
    auto detail = (*db)->scalar(u"SELECT detail || '|' || title || '|' || severity FROM alerts WHERE id = ?"_s,
                                {alertId->toLongLong()});
    QCOMPARE(
        detail->toString(),
        u"vi (pid 110) rename /etc/sudoers.tmp -> /etc/sudoers (/usr/bin/vi)|The sudoers configuration was written|high"_s);

    // Cancelled before the first rule: an error, nothing raised.
    auto cancelled = Detector(**db, rules.rules).run({}, [](int, int, const QString &) { return false; });
    QVERIFY(!cancelled.ok());
}

// flightdeck-cli import --rules and detect: the alerts raised at import are counted on its line; detect --json prints
// one object per new alert, then nothing on a second run; a broken rule file is one line on stderr and the other rules
// run; a missing rules folder is a usage error.
void TestDetections::cli()
{
    const auto cli = [](const QStringList &arguments, QString *out = nullptr, QString *err = nullptr) {
        QProcess process;
        process.start(QStringLiteral(FLIGHTDECK_CLI), arguments);
        process.waitForFinished(120000);
        if (out)
            *out = QString::fromUtf8(process.readAllStandardOutput());
        if (err)
            *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    const QString folder = tempPath(u"cli"_s);
    QVERIFY(QDir().mkpath(folder));
    DetectionScenario scenario(folder);
    const QString location = tempPath(u"cli.sqlite"_s);
    {
        auto db = Database::open(location);
        QVERIFY(db.ok());
        QVERIFY(TrustStore(**db).trust(scenario.epsilon.key.publicKey(), u"epsilon"_s).ok());
    }
    const QString rules = QStringLiteral(FLIGHT_RULES_DIR);
    QString out, err;
    QCOMPARE(cli({u"--db"_s, location, u"import"_s, u"--rules"_s, rules, scenario.archives.at(0)}, &out, &err), 0);
    QVERIFY2(out.contains(u", 15 rule alert(s)\n"_s), qPrintable(out + err));
    QCOMPARE(cli({u"--db"_s, location, u"import"_s, u"--no-rules"_s, scenario.archives.at(1)}, &out), 0);
    QVERIFY2(!out.contains(u"rule alert"_s), qPrintable(out));

    QCOMPARE(cli({u"--db"_s, location, u"--json"_s, u"detect"_s, u"--rules"_s, rules}, &out, &err), 0);
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1); // the listener on 8080 of the archive imported without rules
    const QJsonObject alert = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    QCOMPARE(alert.value(u"rule"_s).toString(), u"new-listener"_s);
    QVERIFY2(alert.value(u"detail"_s).toString().contains(u"listen tcp 0.0.0.0:8080"_s), qPrintable(lines.at(0)));
    QCOMPARE(cli({u"--db"_s, location, u"detect"_s, u"--rules"_s, rules}, &out), 0);
    QCOMPARE(out, u"detect: 13 rules, 16 matching objects, 0 new alerts\n"_s);

    const QString broken = tempPath(u"cli-rules"_s);
    QVERIFY(QDir().mkpath(broken));
    QVERIFY(QFile::copy(rules + u"/exec-from-tmp.rule"_s, broken + u"/exec-from-tmp.rule"_s));
    QVERIFY(Flight::TestSupport::writeFile(broken + u"/x.rule"_s, "name: x\nseverity: high\n"));
    QCOMPARE(cli({u"--db"_s, location, u"detect"_s, u"--rules"_s, broken, u"--host"_s, u"epsilon"_s}, &out, &err), 0);
    QCOMPARE(err,
             u"flightdeck-cli: detect: rule skipped: %1/x.rule:2: 'title' is missing; a rule needs name, severity, "
             u"title, description and match\n"_s.arg(broken));
    QCOMPARE(out, u"detect: 1 rules, 1 matching objects, 0 new alerts\n"_s);
    QCOMPARE(cli({u"--db"_s, location, u"detect"_s, u"--rules"_s, tempPath(u"nowhere"_s)}, &out, &err), 2);
    QVERIFY2(err.contains(u"no such rules folder"_s) && err.count(u'\n') == 1, qPrintable(err));
    QCOMPARE(cli({u"--db"_s, location, u"detect"_s, u"--rules"_s, rules, u"--from"_s, u"yesterday"_s}, &out, &err), 2);
}

QTEST_GUILESS_MAIN(TestDetections)
#include "tst_detections.moc"
