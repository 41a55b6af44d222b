// SPDX-License-Identifier: GPL-3.0-or-later
// SSH pull as an analyst runs it (flightdeck-cli remote/pull) against three real OpenSSH servers on loopback ports,
// each with an outbox of real signed archives (sshpullfixture.h), into a SQLite case: the inventory, pulling all
// three, pulling again (nothing new), a resumed .part, a transfer cut by the server and resumed, the puller's signals
// and a session idle longer than the timeout, and a PostgreSQL case. Every case is checked on the database.
#include "fleetpuller.h"
#include "pgcluster.h"
#include "skip.h"
#include "sshpullfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestSshPullFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void remoteInventory();
    void pullAll();
    void pullAgainNothingNew();
    void resumesPartialDownload();
    void transferCutAndResumed();
    void pullerSignals();
    void pullIntoPostgres();

private:
    using Run = SshPullFixture::Run;
    SshPullFixture m_fixture;
};

void TestSshPullFleet::initTestCase()
{
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    const QString failure = m_fixture.start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSshPullFleet::init()
{
    const QString failure = m_fixture.newCase();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// The three hosts the fixture added with `remote add`, as `remote list` shows them, each addition audited.
void TestSshPullFleet::remoteInventory()
{
    const Run listed = m_fixture.cli({u"--json"_s, u"remote"_s, u"list"_s});
    QCOMPARE(listed.json(u"name"_s).size(), 3);
    QCOMPARE(listed.json(u"name"_s).at(1).value(u"port"_s).toInt(), m_fixture.bravo().sshd->port());
    QCOMPARE(m_fixture.rows(u"audit_log"_s, u"action = 'remote add'"_s), 3);
}

void TestSshPullFleet::pullAll()
{
    QStringList options{u"--jobs"_s, u"3"_s};
    for (const SshPullFixture::Host &host : std::as_const(m_fixture.hosts()))
        options << u"--accept-new-host-key"_s << host.sshd->fingerprint();
    const Run run = m_fixture.pull(options);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const auto reports = run.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const QJsonObject &r : reports) {
        QCOMPARE(r[u"status"_s].toString(), u"ok"_s);
        QVERIFY(r[u"host_key_added"_s].toBool());
        QCOMPARE(r[u"downloaded"_s].toInt(), 2);
    }
    QCOMPARE(run.json(u"digest"_s).size(), 6);
    QCOMPARE(m_fixture.rows(u"archives"_s), 6);
    QCOMPARE(m_fixture.rows(u"hosts"_s), 3);
    QCOMPARE(m_fixture.rows(u"pulled_files"_s, u"status = 'imported'"_s), 6);
    for (const SshPullFixture::Host &host : std::as_const(m_fixture.hosts())) {
        for (qint64 seq = 1; seq <= 2; ++seq) {
            const QString source = u"sftp://%1@127.0.0.1:%2%3/%4.example.org-%5.frec"_s.arg(SshPullFixture::user())
                                       .arg(host.sshd->port())
                                       .arg(host.sshd->outbox(), host.name)
                                       .arg(seq);
            QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ? AND source = ?"_s, {host.series->digest(seq), source}),
                     1);
        }
        QVERIFY(QFile::exists(m_fixture.pulledDir(host.name) + u"/%1.example.org-2.frec"_s.arg(host.name)));
    }
    QFile file(m_fixture.knownHosts());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString known = QString::fromUtf8(file.readAll());
    QCOMPARE(known.count(u'\n'), 3);
    for (const SshPullFixture::Host &host : std::as_const(m_fixture.hosts()))
        QVERIFY2(known.contains(host.sshd->knownHostsLine()), qPrintable(known));
}

void TestSshPullFleet::pullAgainNothingNew()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    const qint64 audit = m_fixture.rows(u"audit_log"_s);
    const Run run = m_fixture.pull();
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const auto reports = run.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const QJsonObject &r : reports) {
        QCOMPARE(r[u"downloaded"_s].toInt(), 0);
        QCOMPARE(r[u"already_in_case"_s].toInt(), 2);
        QCOMPARE(r[u"bytes"_s].toInteger(), 0);
    }
    QCOMPARE(run.json(u"digest"_s).size(), 0);
    QCOMPARE(m_fixture.rows(u"archives"_s), 6);
    QCOMPARE(m_fixture.rows(u"audit_log"_s), audit);
}

void TestSshPullFleet::resumesPartialDownload()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    SshPullFixture::Host &alpha = m_fixture.alpha();
    Flight::Format::WriterOptions stored;
    stored.compressionLevel = 0; // megabytes: many read requests in flight
    const QString remote = alpha.series->next(busyHostEvents(60000, 1000, 0), stored);
    QVERIFY(!remote.isEmpty());
    const qint64 size = QFileInfo(remote).size();
    QVERIFY2(size > 4000000, "large enough for many read requests in flight");
    // A download cut in the middle: the first part of the file, as a .part where pull keeps it.
    QFile source(remote);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const qint64 kept = size / 2 + 12345;
    const QString local = m_fixture.pulledDir(u"alpha"_s) + u'/' + QFileInfo(remote).fileName();
    QFile part(local + u".part"_s);
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(source.read(kept));
    part.close();

    const Run run = m_fixture.pull({u"--hosts"_s, u"alpha"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject report = run.json(u"listed"_s).value(0);
    QCOMPARE(report[u"resumed_bytes"_s].toInteger(), kept);
    QCOMPARE(report[u"bytes"_s].toInteger(), size - kept);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ? AND events = 60000"_s,
                            {alpha.series->digest(alpha.series->lastSeq())}),
             1);
    QVERIFY(!part.exists());
    QCOMPARE(QFileInfo(local).size(), size);
}

void TestSshPullFleet::transferCutAndResumed()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    SshPullFixture::Host &bravo = m_fixture.bravo();
    Flight::Format::WriterOptions stored;
    stored.compressionLevel = 0;
    const QString remote = bravo.series->next(busyHostEvents(60000, 1000, 0), stored);
    QVERIFY(!remote.isEmpty());
    const qint64 size = QFileInfo(remote).size();
    const QString newest = bravo.series->digest(bravo.series->lastSeq());
    // The server's SFTP stream ends after 3 MB: the connection is cut in the middle of the transfer.
    QString failure = m_fixture.restartWithSftp(bravo, u"/usr/lib/openssh/sftp-server | stdbuf -o0 head -c 3000000"_s);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const Run cut = m_fixture.pull({u"--hosts"_s, u"bravo"_s});
    QCOMPARE(cut.code, 2);
    QVERIFY2(cut.err.contains(u"bravo (127.0.0.1 port %1): cannot read %2"_s.arg(bravo.sshd->port()).arg(remote)),
             qPrintable(cut.err));
    const QString part = m_fixture.pulledDir(u"bravo"_s) + u'/' + QFileInfo(remote).fileName() + u".part"_s;
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 1000000 && kept < 3000000, qPrintable(QString::number(kept)));
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 0);

    failure = m_fixture.restartWithSftp(bravo, {});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const Run resumed = m_fixture.pull({u"--hosts"_s, u"bravo"_s});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    const QJsonObject report = resumed.json(u"listed"_s).value(0);
    QCOMPARE(report[u"resumed_bytes"_s].toInteger(), kept);
    QCOMPARE(report[u"bytes"_s].toInteger(), size - kept);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ? AND events = 60000"_s, {newest}), 1);
}

// The signals a GUI would show, and a session left idle longer than the timeout while the case imports (the limit
// bounds each SFTP operation, not the time between them).
void TestSshPullFleet::pullerSignals()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    for (SshPullFixture::Host &host : m_fixture.hosts())
        QVERIFY(!host.series->next(Test::mixedEvents(10)).isEmpty());
    QVERIFY(!m_fixture.alpha().series->next(Test::mixedEvents(10)).isEmpty());
    auto opened = Deck::Core::Database::open(m_fixture.db());
    QVERIFY2(opened, qPrintable(opened.error().message));
    Deck::Pull::PullOptions options;
    options.knownHostsFile = m_fixture.knownHosts();
    options.downloadDir = m_fixture.filePath(u"pull.case.pulled"_s);
    options.jobs = 2;
    options.timeoutMs = 1000;
    Deck::Pull::FleetPuller puller(**opened, options);
    QSignalSpy started(&puller, &Deck::Pull::FleetPuller::hostStarted);
    QSignalSpy progressed(&puller, &Deck::Pull::FleetPuller::progressed);
    QSignalSpy archives(&puller, &Deck::Pull::FleetPuller::archiveDone);
    QSignalSpy finished(&puller, &Deck::Pull::FleetPuller::hostFinished);
    connect(&puller, &Deck::Pull::FleetPuller::archiveDone, this, [] { QThread::msleep(1500); });
    auto reports = puller.pull({u"charlie"_s, u"alpha"_s});
    QVERIFY2(reports, qPrintable(reports.error().message));
    QCOMPARE(reports->size(), 2);
    QCOMPARE(reports->at(0).host, u"alpha"_s);
    for (const Deck::Pull::HostPullReport &r : std::as_const(*reports))
        QVERIFY2(!r.failure, qPrintable(r.failure.value_or(Flight::Error{}).message));
    QCOMPARE(reports->at(0).downloaded, 2);
    QCOMPARE(started.size(), 2);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(archives.size(), 3);
    QVERIFY(progressed.size() >= 5); // at least the plan and the end of each file
    QMap<QString, Deck::Pull::PullProgress> last;
    for (const QList<QVariant> &signal : std::as_const(progressed)) {
        const auto p = signal.at(0).value<Deck::Pull::PullProgress>();
        last.insert(p.host, p);
    }
    QCOMPARE(last.value(u"alpha"_s).filesDone, 2);
    QCOMPARE(last.value(u"charlie"_s).filesDone, 1);
    for (const Deck::Pull::PullProgress &p : std::as_const(last)) {
        QCOMPARE(p.filesDone, p.filesTotal);
        QCOMPARE(p.bytesDone, p.bytesTotal);
    }
    const ArchiveSeries &alpha = *m_fixture.alpha().series;
    const ArchiveSeries &bravo = *m_fixture.bravo().series; // not asked for
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {alpha.digest(alpha.lastSeq())}), 1);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {bravo.digest(bravo.lastSeq())}), 0);
    QVERIFY(!puller.pull({u"nosuchhost"_s}));
}

// A team's case on a PostgreSQL server: known_hosts and the download folder are named on this workstation; the
// same hosts pulled in parallel into it, each archive once.
void TestSshPullFleet::pullIntoPostgres()
{
    const QString pulled = m_fixture.pullEverything(); // the known_hosts of this workstation names the three
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    PgCluster pg;
    if (const QString failure = pg.start(); !failure.isEmpty())
        FLIGHT_SKIP("PostgreSQL could not be started");
    QString error;
    const QString url = pg.createDatabase(u"pullcase"_s, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const auto inCase = [&](const QStringList &arguments) { return m_fixture.cli(arguments, {}, url); };
    for (SshPullFixture::Host &host : m_fixture.hosts()) {
        QVERIFY(!host.series->next(Test::mixedEvents(10)).isEmpty());
        QCOMPARE(inCase({u"trust"_s, host.series->key.publicKey().toText()}).code, 0);
        QCOMPARE(inCase({u"remote"_s, u"add"_s, host.name, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                         QString::number(host.sshd->port()), u"--user"_s, SshPullFixture::user(), u"--key"_s,
                         m_fixture.clientKey(), u"--outbox"_s, host.sshd->outbox()})
                     .code,
                 0);
    }
    const auto refused = inCase({u"pull"_s});
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(u"a PostgreSQL case needs --known-hosts FILE and --into DIR"_s),
             qPrintable(refused.err));
    const auto intoPg = inCase({u"pull"_s, u"--known-hosts"_s, m_fixture.knownHosts(), u"--into"_s,
                                m_fixture.filePath(u"pg"_s), u"--jobs"_s, u"3"_s});
    QVERIFY2(intoPg.code == 0, qPrintable(intoPg.err));
    auto opened = Deck::Core::Database::open(url);
    QVERIFY2(opened, qPrintable(opened.error().message));
    qint64 listed = 0;
    for (const SshPullFixture::Host &host : m_fixture.hosts())
        listed
            += QDir(host.sshd->outbox()).entryList({u"*.example.org-*.frec"_s}, QDir::Files | QDir::NoSymLinks).size();
    QCOMPARE(listed, 9);
    QCOMPARE(count(**opened, u"archives"_s), listed);
    QCOMPARE(count(**opened, u"pulled_files"_s, u"status = 'imported'"_s), listed);
    for (const SshPullFixture::Host &host : m_fixture.hosts())
        QCOMPARE(count(**opened, u"archives"_s, u"digest = ?"_s, {host.series->digest(host.series->lastSeq())}), 1);
}

QTEST_GUILESS_MAIN(TestSshPullFleet)
#include "tst_sshpullfleet.moc"
