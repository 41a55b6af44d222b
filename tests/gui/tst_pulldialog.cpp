// SPDX-License-Identifier: GPL-3.0-or-later
// The pull dialog against real OpenSSH servers on loopback (tests/auto/sshpull's SshdInstance) into a real SQLite
// case: hosts whose key is unknown wait for the analyst's decision (nothing logged in to, nothing written to
// known_hosts) and are pulled once their fingerprint is accepted; per-host progress (bytes and files) reaches the
// end; a host whose key changed is refused with both fingerprints and an unreachable host is reported, in the same
// pull in which the others succeed; the remote host editor refuses an invalid host and stores a valid one. Runs under
// Xvfb and saves the dialogs to $FLIGHT_SCREENSHOT_DIR.
#include "casefixture.h"
#include "intaketext.h"
#include "pulldialog.h"
#include "remotehostdialog.h"
#include "sampleevents.h"
#include "skip.h"
#include "sshdinstance.h"
#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestPullDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unknownKeysWaitForDecision();
    void acceptedKeyPulls();
    void passphraseAskedOnGuiThread();
    void oneHostFailsOthersSucceed();
    void remoteHostEditor();

private:
    bool pull(const std::function<void()> &start);
    void shoot(QWidget *widget, const QString &name);
    qint64 rows(const QString &table, const QString &where = {}, const QVariantList &params = {});
    QString db() const { return m_dir.filePath(u"pull.sqlite"_s); }

    struct Host
    {
        QString name;
        std::unique_ptr<SshdInstance> sshd;
        std::unique_ptr<ArchiveSeries> series;
    };
    QTemporaryDir m_dir;
    std::vector<Host> m_hosts; // alpha, bravo: pulled; charlie: known_hosts holds another key
    QString m_clientKey;
    QString m_passphraseKey;
    std::unique_ptr<Models::CaseSession> m_session;
    std::unique_ptr<Models::IntakeService> m_intake;
    std::unique_ptr<Gui::PullDialog> m_dialog;
    bool m_ready = false;
};

qint64 TestPullDialog::rows(const QString &table, const QString &where, const QVariantList &params)
{
    auto opened = Core::Database::open(db());
    return opened ? count(**opened, table, where, params) : -1;
}

void TestPullDialog::shoot(QWidget *widget, const QString &name)
{
    const QString out = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(u"screenshots"_s));
    QVERIFY(QDir().mkpath(out));
    QTest::qWait(200);
    QVERIFY(widget->grab().save(QDir(out).filePath(name)));
    qInfo("screenshot: %s", qPrintable(QDir(out).filePath(name)));
}

void TestPullDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    m_clientKey = m_dir.filePath(u"client_key"_s);
    QFile keys(m_dir.filePath(u"authorized_keys"_s));
    QVERIFY(keys.open(QIODevice::WriteOnly));
    m_passphraseKey = m_dir.filePath(u"passphrase_key"_s);
    keys.write((SshdInstance::generateKey(m_clientKey) + u'\n'
                + SshdInstance::generateKey(m_passphraseKey, u"correct horse"_s) + u'\n')
                   .toUtf8());
    keys.close();
    const QString otherKey = SshdInstance::generateKey(m_dir.filePath(u"other_host_key"_s));
    QVERIFY(!otherKey.isEmpty());

    const QString user = QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s);
    auto opened = Core::Database::open(db());
    QVERIFY2(opened, qPrintable(opened.error().message));
    Pull::RemoteHostStore store(**opened);
    QFile knownHosts(db() + u".known_hosts"_s);
    QVERIFY(knownHosts.open(QIODevice::WriteOnly));
    for (const QString &name : {u"alpha"_s, u"bravo"_s, u"charlie"_s}) {
        Host host;
        host.name = name;
        host.sshd = std::make_unique<SshdInstance>(m_dir.filePath(u"sshd-"_s + name), keys.fileName());
        const QString failure = host.sshd->start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        host.series = std::make_unique<ArchiveSeries>(host.sshd->outbox(), u"%1.example.org"_s.arg(name));
        QVERIFY(!host.series->next(Test::mixedEvents(400)).isEmpty());
        QVERIFY(!host.series->next(Test::mixedEvents(400)).isEmpty());
        QVERIFY(Core::TrustStore(**opened).trust(host.series->key.publicKey(), name).ok());
        QVERIFY(
            store.add({0, name, u"127.0.0.1"_s, host.sshd->port(), user, m_clientKey, host.sshd->outbox(), {}, 0, 0})
                .ok());
        if (name == u"charlie"_s) // the case knows another key for it: refused
            knownHosts.write(
                u"[127.0.0.1]:%1 %2\n"_s.arg(host.sshd->port()).arg(otherKey.section(u' ', 0, 1)).toUtf8());
        m_hosts.push_back(std::move(host));
    }
    knownHosts.close();
    QVERIFY(store.add({0, u"down"_s, u"127.0.0.1"_s, freeLoopbackPort(), user, m_clientKey, u"/"_s, {}, 0, 0}).ok());
    opened->reset();

    m_session = std::make_unique<Models::CaseSession>();
    QSignalSpy sessionOpened(m_session.get(), &Models::CaseSession::opened);
    m_session->open(db());
    QVERIFY(sessionOpened.wait(10000));
    m_intake = std::make_unique<Models::IntakeService>(*m_session);
    m_dialog = std::make_unique<Gui::PullDialog>(*m_intake);
    m_dialog->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->hostList()->topLevelItemCount(), 4, 10000);
    m_ready = true;
}

bool TestPullDialog::pull(const std::function<void()> &start)
{
    QSignalSpy finished(&m_dialog->job(), &Models::PullJob::finished);
    start();
    return finished.wait(60000) && finished.at(0).at(0).toString().isEmpty();
}

void TestPullDialog::unknownKeysWaitForDecision()
{
    QVERIFY(m_ready);
    m_dialog->setChecked({u"alpha"_s, u"bravo"_s});
    QVERIFY(pull([this] { m_dialog->pullChecked(); }));
    for (int i = 0; i < 2; ++i) {
        const Host &host = m_hosts[size_t(i)];
        QCOMPARE(m_dialog->unknownHostKeys().value(host.name), host.sshd->fingerprint());
        QVERIFY2(m_dialog->statusText(host.name).contains(host.sshd->fingerprint()),
                 qPrintable(m_dialog->statusText(host.name)));
    }
    QVERIFY(m_dialog->statusText(u"charlie"_s).contains(u"not pulled yet"_s));
    QCOMPARE(rows(u"archives"_s), 0);
    QFile known(db() + u".known_hosts"_s);
    QVERIFY(known.open(QIODevice::ReadOnly));
    QVERIFY(!known.readAll().contains(QByteArray::number(m_hosts[0].sshd->port()) + ']'));
    m_dialog->hostList()->setCurrentItem(m_dialog->hostList()->topLevelItem(0));
    shoot(m_dialog.get(), u"datain-pull-unknown-key.png"_s);

    // The decision: the fingerprint shown again; declining changes nothing.
    auto *accept = m_dialog->findChild<QPushButton *>(u"acceptHostKey"_s);
    QVERIFY(accept && accept->isEnabled());
    QString shown;
    QTimer decline;
    connect(&decline, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !shown.isEmpty())
            return;
        shown = box->text() + u'\n' + box->informativeText();
        shoot(box, u"datain-pull-accept-key.png"_s);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::RejectRole)
                button->click();
        }
    });
    decline.start(50);
    accept->click();
    decline.stop();
    QVERIFY2(shown.contains(m_hosts[0].sshd->fingerprint()), qPrintable(shown));
    QVERIFY(shown.contains(u"ssh-keygen -lf"_s));
    QVERIFY(!m_dialog->job().isRunning());
    QVERIFY(m_dialog->unknownHostKeys().contains(u"alpha"_s));
}

void TestPullDialog::acceptedKeyPulls()
{
    QVERIFY(m_ready);
    QSignalSpy progressed(&m_dialog->job(), &Models::PullJob::progressed);
    for (int i = 0; i < 2; ++i) {
        const Host &host = m_hosts[size_t(i)];
        QVERIFY(pull([&] { m_dialog->acceptHostKey(host.name, host.sshd->fingerprint()); }));
        QVERIFY2(m_dialog->statusText(host.name).startsWith(u"done: 2 downloaded"_s),
                 qPrintable(m_dialog->statusText(host.name)));
        QCOMPARE(m_dialog->progressBar(host.name)->value(), 1000);
        QVERIFY(!m_dialog->unknownHostKeys().contains(host.name));
    }
    QMap<QString, Pull::PullProgress> last;
    for (const QList<QVariant> &signal : std::as_const(progressed)) {
        const auto p = signal.at(0).value<Pull::PullProgress>();
        last.insert(p.host, p);
    }
    for (const QString &name : {u"alpha"_s, u"bravo"_s}) {
        QCOMPARE(last.value(name).filesDone, 2);
        QCOMPARE(last.value(name).filesTotal, 2);
        QVERIFY(last.value(name).bytesTotal > 0);
        QCOMPARE(last.value(name).bytesDone, last.value(name).bytesTotal);
    }
    QCOMPARE(rows(u"archives"_s), 4);
    QCOMPARE(m_dialog->archiveList()->topLevelItemCount(), 4);
}

// A key with a passphrase: the puller thread asks the GUI thread (a password box) and waits for the answer.
void TestPullDialog::passphraseAskedOnGuiThread()
{
    QVERIFY(m_ready);
    const Host &alpha = m_hosts[0];
    QSignalSpy loaded(m_dialog.get(), &Gui::PullDialog::inventoryLoaded);
    const QString user = QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s);
    m_dialog->saveHost({},
                       {0,
                        u"alpha-pass"_s,
                        u"127.0.0.1"_s,
                        alpha.sshd->port(),
                        user,
                        m_passphraseKey,
                        alpha.sshd->outbox(),
                        {},
                        0,
                        0});
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000); // the reply may land before a wait starts
    m_dialog->setChecked({u"alpha-pass"_s});
    QStringList asked;
    bool onGuiThread = false;
    QTimer answer; // answers the password box the puller opens
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!box)
            return;
        onGuiThread = QThread::currentThread() == QCoreApplication::instance()->thread();
        asked.append(box->labelText());
        QCOMPARE(box->textEchoMode(), QLineEdit::Password);
        box->setTextValue(u"correct horse"_s);
        box->accept();
    });
    answer.start(50);
    QVERIFY(pull([this] { m_dialog->pullChecked(); }));
    answer.stop();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.constFirst().contains(m_passphraseKey), qPrintable(asked.constFirst()));
    QVERIFY(onGuiThread);
    QVERIFY2(m_dialog->statusText(u"alpha-pass"_s).startsWith(u"done: 2 downloaded"_s),
             qPrintable(m_dialog->statusText(u"alpha-pass"_s)));
    QCOMPARE(rows(u"archives"_s), 4); // alpha's archives again: already in the case
    m_dialog->removeHostNamed(u"alpha-pass"_s);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000); // the reply may land before a wait starts
    QCOMPARE(m_dialog->hostList()->topLevelItemCount(), 4);
}

void TestPullDialog::oneHostFailsOthersSucceed()
{
    QVERIFY(m_ready);
    for (int i = 0; i < 2; ++i)
        QVERIFY(!m_hosts[size_t(i)].series->next(Test::mixedEvents(50)).isEmpty());
    m_dialog->setChecked({u"alpha"_s, u"bravo"_s, u"charlie"_s, u"down"_s});
    QVERIFY(pull([this] { m_dialog->pullChecked(); }));
    for (const QString &name : {u"alpha"_s, u"bravo"_s}) {
        QVERIFY2(m_dialog->statusText(name).startsWith(u"done: 1 downloaded, 2 in the case already"_s),
                 qPrintable(m_dialog->statusText(name)));
    }
    const QString charlie = m_dialog->statusText(u"charlie"_s);
    QVERIFY2(charlie.startsWith(u"REFUSED: the host key changed"_s), qPrintable(charlie));
    QVERIFY2(charlie.contains(m_hosts[2].sshd->fingerprint()), qPrintable(charlie));
    QCOMPARE(Gui::fingerprintsIn(charlie).size(), 2);
    // The row may be too narrow for both fingerprints: the problems under the list show every failure in full.
    const QString problems = m_dialog->findChild<QLabel *>(u"pullProblems"_s)->text();
    QCOMPARE(Gui::fingerprintsIn(problems), Gui::fingerprintsIn(charlie));
    QVERIFY2(problems.contains(u"<b>down</b>: unreachable: cannot connect"_s), qPrintable(problems));
    QVERIFY(!problems.contains(u"<b>alpha</b>"_s));
    const QString down = m_dialog->statusText(u"down"_s);
    QVERIFY2(down.startsWith(u"unreachable"_s), qPrintable(down));
    QCOMPARE(rows(u"archives"_s), 6);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[2].series->digest(1)}), 0);
    QVERIFY(m_dialog->findChild<QLabel *>(u"pullSummary"_s)->text().contains(u"4 hosts: 2 pulled, 2 not"_s));
    shoot(m_dialog.get(), u"datain-pull-done.png"_s);
}

void TestPullDialog::remoteHostEditor()
{
    QVERIFY(m_ready);
    Gui::RemoteHostDialog dialog(Pull::RemoteHost{}, {u"alpha"_s, u"bravo"_s});
    dialog.show();
    QVERIFY(dialog.problem().contains(u"Choose a key file"_s));
    const auto fields = dialog.findChildren<QLineEdit *>();
    QVERIFY(fields.size() >= 5); // name, address, user, key file, outbox (and the port's)
    dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"web 01"_s);
    dialog.findChild<QLineEdit *>(u"address"_s)->setText(u"192.0.2.10"_s);
    dialog.findChild<QLineEdit *>(u"user"_s)->setText(u"flightpull"_s);
    dialog.findChild<QLineEdit *>(u"keyFile"_s)->setText(m_clientKey);
    dialog.findChild<QLineEdit *>(u"outbox"_s)->setText(u"/"_s);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.findChild<QLabel *>(u"problem"_s)->text().contains(u"web 01"_s), qPrintable(dialog.problem()));
    shoot(&dialog, u"datain-remote-host.png"_s);
    dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"web-01"_s);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.host().keyFile, m_clientKey);
    QCOMPARE(dialog.host().jumpHost, QString());

    // Stored through the pull dialog (the case's writer, the audit log), edited, refused, removed.
    QSignalSpy loaded(m_dialog.get(), &Gui::PullDialog::inventoryLoaded);
    m_dialog->saveHost({}, dialog.host());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000); // the reply may land before a wait starts
    QCOMPARE(m_dialog->hostList()->topLevelItemCount(), 5);
    Pull::RemoteHost renamed = dialog.host();
    renamed.name = u"web-02"_s;
    renamed.jumpHost = u"alpha"_s;
    m_dialog->saveHost(u"web-01"_s, renamed);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000); // the reply may land before a wait starts
    QCOMPARE(m_dialog->hostList()->findItems(u"web-02"_s, Qt::MatchExactly).size(), 1);
    QCOMPARE(rows(u"remote_hosts"_s, u"name = 'web-02' AND jump_host = 'alpha'"_s), 1);
    m_dialog->saveHost({}, renamed); // the name is taken
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 10000); // the reply may land before a wait starts
    const QString refused = m_dialog->findChild<QLabel *>(u"pullSummary"_s)->text();
    QVERIFY2(refused.contains(u"web-02"_s), qPrintable(refused));
    m_dialog->removeHostNamed(u"web-02"_s);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 4, 10000); // the reply may land before a wait starts
    QCOMPARE(m_dialog->hostList()->topLevelItemCount(), 4);
    QCOMPARE(
        rows(u"audit_log"_s, u"action IN ('remote add', 'remote edit', 'remote remove') AND object LIKE 'web-0%'"_s),
        3);
}

QTEST_MAIN(TestPullDialog)
#include "tst_pulldialog.moc"
