// SPDX-License-Identifier: GPL-3.0-or-later
// The case key in the GUI (Case > Case Key, CaseKeyActions) on a real SQLite case and a real archive encrypted to the
// case: without the key its import fails and says why, with the key read from its file it is imported; the key is
// kept in memory only (settings hold the file's path, never the key), dropped when the case closes, read again from
// the remembered file when the case is opened, and forgotten on request. Offscreen.
#include "casefixture.h"
#include "casekeyactions.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "sampleevents.h"
#include "truststore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::TestSupport;
using Core::ImportStatus;
using Flight::Format::DecryptionKey;

class TestCaseKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importNeedsTheKey();
    void keptInMemoryOnly();

private:
    Core::ImportOutcome importWith(Models::CaseSession &session, const QString &archive);
    void open(Gui::MainWindow &window);

    QTemporaryDir m_dir;
    std::unique_ptr<ArchiveSeries> m_sealed;
    QString m_archive;
    QString m_keyFile;
    QString m_case;
    std::optional<DecryptionKey> m_key;
};

void TestCaseKey::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_key = DecryptionKey::generate();
    m_keyFile = m_dir.filePath(u"case.key"_s);
    QVERIFY(m_key->save(m_keyFile).ok());
    m_sealed = std::make_unique<ArchiveSeries>(m_dir.filePath(QString()), u"sealed.example.org"_s);
    Flight::Format::WriterOptions options;
    options.recipient = m_key->recipient();
    m_archive = m_sealed->next(Flight::TestSupport::mixedEvents(40), options);
    QVERIFY(!m_archive.isEmpty());
    m_case = m_dir.filePath(u"case.sqlite"_s);
    auto db = Core::Database::open(m_case);
    QVERIFY2(db, qPrintable(db.error().message));
    QVERIFY(Core::TrustStore(**db).trust(m_sealed->key.publicKey(), u"sealed"_s).ok());
}

void TestCaseKey::open(Gui::MainWindow &window)
{
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.openCase(m_case);
    QVERIFY(opened.wait(10000));
}

Core::ImportOutcome TestCaseKey::importWith(Models::CaseSession &session, const QString &archive)
{
    auto writer = session.openWorker();
    Gui::ImportDialog dialog(*writer, {archive}, nullptr, session.importOptions());
    QSignalSpy finished(&dialog.job(), &Models::ImportJob::finished);
    if (!finished.wait(20000) || dialog.job().outcomes().size() != 1)
        return {};
    return dialog.job().outcomes().first();
}

void TestCaseKey::importNeedsTheKey()
{
    Gui::MainWindow window;
    open(window);
    auto &session = window.session();
    Gui::CaseKeyActions *keys = window.caseKeyActions();
    QVERIFY(keys);
    QCOMPARE(keys->stateText(), u"No case key"_s);
    const auto without = importWith(session, m_archive);
    QCOMPARE(without.status, ImportStatus::Failed);
    QVERIFY2(without.message.contains(u"give the case key"_s), qPrintable(without.message));

    // A file that is not a key is refused with the reason, and changes nothing.
    QFile notKey(m_dir.filePath(u"not.key"_s));
    QVERIFY(notKey.open(QIODevice::WriteOnly));
    notKey.write("hello\n");
    notKey.close();
    QVERIFY(!keys->useKeyFile(notKey.fileName()).isEmpty());
    QVERIFY(!session.caseKey());

    QSignalSpy changed(&session, &Models::CaseSession::caseKeyChanged);
    QCOMPARE(keys->useKeyFile(m_keyFile), QString());
    QCOMPARE(changed.count(), 1);
    QVERIFY(session.caseKey());
    QCOMPARE(session.caseKey()->recipient().toText(), m_key->recipient().toText());
    QVERIFY(session.importOptions().caseKey);
    QCOMPARE(keys->stateText(), u"Case key %1"_s.arg(m_key->recipient().fingerprint()));
    const auto with = importWith(session, m_archive);
    QCOMPARE(with.status, ImportStatus::Imported);
}

void TestCaseKey::keptInMemoryOnly()
{
    QSettings().clear();
    Gui::MainWindow window;
    open(window);
    auto &session = window.session();
    Gui::CaseKeyActions *keys = window.caseKeyActions();
    QCOMPARE(keys->useKeyFile(m_keyFile), QString());

    // Settings hold the key file's path; no byte of the key file is in them.
    QSettings settings;
    settings.sync();
    QFile keyFile(m_keyFile), settingsFile(settings.fileName());
    QVERIFY(keyFile.open(QIODevice::ReadOnly) && settingsFile.open(QIODevice::ReadOnly));
    const QByteArray stored = settingsFile.readAll();
    QVERIFY(stored.contains(QFileInfo(m_keyFile).fileName().toUtf8()));
    for (const QByteArray &line : keyFile.readAll().split('\n')) {
        if (line.trimmed().size() > 16)
            QVERIFY2(!stored.contains(line.trimmed()), "a line of the key file is in the settings");
    }

    // Closing drops it; opening the case again reads it from its file.
    session.close();
    QVERIFY(!session.caseKey());
    open(window);
    QVERIFY(session.caseKey());
    QCOMPARE(session.caseKey()->recipient().toText(), m_key->recipient().toText());

    // Forgotten: gone now and when the case is opened again.
    keys->forget();
    QVERIFY(!session.caseKey());
    QCOMPARE(keys->stateText(), u"No case key"_s);
    session.close();
    open(window);
    QVERIFY(!session.caseKey());
}

QTEST_MAIN(TestCaseKey)
#include "tst_casekey.moc"
