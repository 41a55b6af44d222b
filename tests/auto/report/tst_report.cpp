// SPDX-License-Identifier: GPL-3.0-or-later
// The incident report, end to end: the GUI tests' case (queryfixture.h's incident on alpha and beta, with its chain
// gap, crash and loss, plus the busy host gamma) with bookmarks, notes and a triaged alert added through CaseNotes —
// hostile text included — is written by flightdeck-cli report with no display at all. pdftotext must show every
// section, every archive's digest and signer, the notes and the plain coverage statements; pdftoppm renders every
// page; the HTML carries the same text escaped. Scoping, progress, cancelling and the one-line errors are checked
// too.
#include "accountnames.h"
#include "activityqueries.h"
#include "casenotes.h"
#include "digest.h"
#include "guifixture.h"
#include "processqueries.h"
#include "programrun.h"
#include "reportdata.h"
#include "reportdocument.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::Report;
using namespace Deck::TestSupport;
using Flight::TestSupport::ProgramRun;

namespace {

const QString kHostileNote = u"It's \"evil\" <html><b>bold?</b></html> & more\nsecond line of the note"_s;
const QString kHostileLabel = u"dropper \x1b[31m <script>alert(1)</script>"_s;

// Whitespace (line and column breaks of pdftotext) folded to single spaces.
QString folded(const QString &text)
{
    return text.simplified();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pdfShowsEverySection();
    void pagesRender();
    void htmlEscapesHostileText();
    void scopedToOneHost();
    void progressAndCancel();
    void badArguments_data();
    void badArguments();

private:
    ProgramRun report(const QStringList &arguments) const;
    QString pdfText(const QString &pdf) const;
    QMap<QString, QString> digests(const QString &host = {}) const; // digest -> host

    QTemporaryDir m_dir;
    QString m_case;
    std::unique_ptr<Database> m_db;
    QString m_pdf;
    int m_pages = 0;
    QString m_digest; // as flightdeck-cli printed it
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *tool : {"pdftotext", "pdftoppm"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 "poppler-utils (pdftotext, pdftoppm) is not installed: installer/install-deps.sh installs it");
    const GuiCase built = buildGuiCase(m_dir.path(), 4000);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    m_case = built.location;
    auto opened = Database::open(m_case);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);

    // The analyst's marks: the curl that fetched the payload, the hostile-named process, an event of each kind,
    // notes with hostile text, and a high alert triaged as malicious.
    const qint64 alpha = *findHost(*m_db, u"alpha"_s);
    ProcessQueries processes(*m_db);
    const qint64 curl = processes.processByPid(alpha, 300)->id;
    const qint64 hostile = processes.processByPid(alpha, 301)->id;
    auto did = ActivityQueries(*m_db).did(curl);
    QVERIFY(did.ok() && !did->files.isEmpty() && !did->connections.isEmpty());
    CaseNotes notes(*m_db);
    QVERIFY(notes.addBookmark({ObjectType::Process, curl}, u"payload download"_s).ok());
    QVERIFY(notes.addBookmark({ObjectType::Process, hostile}, kHostileLabel).ok());
    QVERIFY(notes.addBookmark({ObjectType::FileEvent, did->files.constFirst().id}, u"reads passwd"_s).ok());
    QVERIFY(notes.addBookmark({ObjectType::NetEvent, did->connections.constFirst().id}, u"C2 connection"_s).ok());
    QVERIFY(notes.addNote({ObjectType::Host, alpha}, kHostileNote).ok());
    QVERIFY(notes.addNote({ObjectType::Process, curl}, u"curl fetched the second stage"_s).ok());
    // alpha's accounts as its collector's `accounts` check reports them (stored as the importer stores them): its
    // processes run as uid 1000, gid 0.
    const auto account = [](const QString &id, const QString &name) {
        return Flight::Format::StateItem{id, {{u"name"_s, name}}};
    };
    const qint64 before = QueryScenario::at(-60000);
    QVERIFY(m_db->begin());
    QVERIFY(storeAccounts(*m_db, alpha, before,
                          {Flight::Format::Event{before, 0,
                                                 Flight::Format::StateSnapshot{u"accounts"_s,
                                                                               {account(u"uid:1000"_s, u"alice"_s),
                                                                                account(u"gid:0"_s, u"root"_s)}}}})
                .ok());
    QVERIFY(m_db->commit());
    auto alert = m_db->scalar(u"INSERT INTO alerts (host_id, ts, source, severity, title, triage) VALUES "
                              u"(?, ?, 'state.change', 'high', 'modules: 1 items changed', 'new') RETURNING id"_s,
                              {alpha, QueryScenario::at(90)});
    QVERIFY2(alert.ok(), qPrintable(alert.error().message));
    QVERIFY(notes.setTriage(alert->toLongLong(), Triage::Malicious).ok());

    m_pdf = m_dir.filePath(u"report.pdf"_s);
    const ProgramRun run = report({u"--out"_s, m_pdf, u"--title"_s, u"Case 42: \"alpha\" <compromise>"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(QFile::exists(m_pdf));
    QVERIFY(!QFile::exists(m_pdf + u".part"_s));
    const auto pages = QRegularExpression(u"(\\d+) pages"_s).match(run.out);
    QVERIFY2(pages.hasMatch(), qPrintable(run.out));
    m_pages = pages.captured(1).toInt();
    m_digest = QRegularExpression(u"blake2b-256 ([0-9a-f]{64})"_s).match(run.out).captured(1);
    QVERIFY(m_pages >= 3);
}

// flightdeck-cli with no display at all: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
ProgramRun TestReport::report(const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XAUTHORITY"})
        environment.remove(QString::fromLatin1(name));
    return Flight::TestSupport::runProgram(QStringLiteral(FLIGHTDECK_CLI),
                                           QStringList{u"--db"_s, m_case, u"report"_s} + arguments, {}, environment);
}

QString TestReport::pdfText(const QString &pdf) const
{
    const ProgramRun run = Flight::TestSupport::runProgram(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
    if (run.code != 0)
        qWarning("pdftotext: %s", qPrintable(run.err));
    return run.out;
}

QMap<QString, QString> TestReport::digests(const QString &host) const
{
    QMap<QString, QString> result;
    auto q = m_db->query(u"SELECT a.digest, h.hostname FROM archives a JOIN hosts h ON h.id = a.host_id"_s);
    while (q && q->next()) {
        if (host.isEmpty() || q->value(1).toString() == host)
            result.insert(q->value(0).toString(), q->value(1).toString());
    }
    return result;
}

void TestReport::pdfShowsEverySection()
{
    const QString raw = pdfText(m_pdf);
    const QString text = folded(raw);
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    for (const QString &section :
         {u"1 Summary"_s, u"Hosts covered"_s, u"2 Analyst notes"_s, u"3 Timeline"_s, u"4 Bookmarked processes"_s,
          u"5 Bookmarked events and objects"_s, u"6 Integrity changes and alerts"_s, u"7 Coverage gaps and losses"_s,
          u"8 Evidence"_s, u"9 Chain of custody"_s})
        QVERIFY2(text.contains(section), qPrintable(u"section missing: "_s + section));
    // Every archive of the case, with its signer.
    const auto all = digests();
    QCOMPARE(all.size(), 8); // alpha 1, 2, 4; beta 1; gamma 1-4
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        QVERIFY2(text.contains(u"digest "_s + it.key()), qPrintable(u"digest missing: "_s + it.key()));
    auto keys = m_db->query(u"SELECT fingerprint FROM host_keys"_s);
    while (keys && keys->next())
        QVERIFY2(text.contains(u"signer "_s + keys->value(0).toString()), qPrintable(keys->value(0).toString()));
    // Page frame: the title and page numbers on every page.
    QCOMPARE(raw.count(u"Case 42: \"alpha\" <compromise>"_s), m_pages + 1); // each header, and the title
    QVERIFY(text.contains(u"page 1 of %1"_s.arg(m_pages)));
    QVERIFY(text.contains(u"page %1 of %1"_s.arg(m_pages)));
    // The notes, hostile text verbatim (as text), and the bookmarks.
    // Line by line: pdftotext reads table cells side by side in any order, and a cell may break across pages.
    for (const QString &line : kHostileNote.split(u'\n'))
        QVERIFY2(text.contains(line), qPrintable(text.mid(text.indexOf(u"Analyst notes"_s), 600)));
    QVERIFY(text.contains(u"curl fetched the second stage"_s));
    QVERIFY(text.contains(u"payload download"_s));
    QVERIFY(text.contains(u"dropper \\x1b[31m <script>alert(1)</script>"_s));
    QVERIFY(text.contains(u"reads passwd"_s) && text.contains(u"/etc/passwd"_s));
    QVERIFY(text.contains(u"C2 connection"_s) && text.contains(u"203.0.113.5:443"_s));
    // The bookmarked process: its command line, its ancestry and what it did.
    QVERIFY(text.contains(u"http://evil.example/x"_s));
    QVERIFY2(text.contains(u"pid 200 bash \u2190 pid 100 sshd"_s), qPrintable(text));
    QVERIFY(text.contains(u"/tmp/drop/a.sh"_s));
    // Its user and group, each with the name of the process's time.
    QVERIFY2(text.contains(u"User alice (uid 1000)"_s),
             qPrintable(text.mid(text.indexOf(u"Working directory"_s), 200)));
    QVERIFY2(text.contains(u"Group root (gid 0)"_s), qPrintable(text.mid(text.indexOf(u"Working directory"_s), 200)));
    // The hostile name of 301 is escaped, not laid out: its newline shows as \n.
    QVERIFY(text.contains(u"DROP TABLE processes; --\"\\n\\t"_s));
    // Alerts with triage, integrity changes.
    QVERIFY(text.contains(u"modules: 1 items changed"_s) && text.contains(u"malicious"_s));
    // Coverage stated plainly: alpha's gap (seq 3) and crash are "not recorded", its loss is counted; beta lost
    // nothing.
    QVERIFY(text.contains(u"Not recorded: archive seq 3 is missing from the hash chain"_s));
    QVERIFY(text.contains(u"ended without a stop record"_s));
    QVERIFY(text.contains(u"the collector reported 17 events lost"_s));
    QVERIFY(text.contains(u"beta No losses recorded: the collector reported no lost events"_s));
    // Chain of custody: the imports and the analyst's marks.
    QVERIFY(text.contains(u"import"_s) && text.contains(u"triage"_s) && text.contains(u"bookmark"_s));

    // The report itself is in the audit log, with the digest flightdeck-cli printed, which is the file's.
    auto logged = m_db->scalar(u"SELECT detail FROM audit_log WHERE action = 'report' AND object = ?"_s, {m_pdf});
    QVERIFY(logged.ok());
    QVERIFY2(logged->toString().startsWith(u"pdf, %1 pages"_s.arg(m_pages)), qPrintable(logged->toString()));
    QFile pdf(m_pdf);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QString digest = Flight::Format::Blake2b256::hexHash(pdf.readAll());
    QVERIFY2(logged->toString().contains(u"blake2b-256 "_s + digest), qPrintable(logged->toString()));
    QCOMPARE(m_digest, digest);
}

void TestReport::pagesRender()
{
    const QString prefix = m_dir.filePath(u"page"_s);
    const ProgramRun run = Flight::TestSupport::runProgram(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"80"_s, m_pdf, prefix});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QStringList pngs = QDir(m_dir.path()).entryList({u"page-*.png"_s}, QDir::Files, QDir::Name);
    QCOMPARE(pngs.size(), m_pages);
    for (const QString &png : pngs) {
        QImage image(m_dir.filePath(png));
        QVERIFY2(!image.isNull(), qPrintable(png));
        QVERIFY2(qAbs(image.width() - 661) <= 1 && qAbs(image.height() - 935) <= 1, qPrintable(png)); // A4, 80 dpi
    }
    const QString screenshots = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        for (int page : {1, 2}) {
            const QString target = QDir(screenshots).filePath(u"report-page%1.png"_s.arg(page));
            QFile::remove(target);
            QVERIFY(QFile::copy(m_dir.filePath(pngs.at(page - 1)), target));
        }
        // The whole report too, for the pages after the second (the bookmarked processes).
        const QString pdf = QDir(screenshots).filePath(u"report.pdf"_s);
        QFile::remove(pdf);
        QVERIFY(QFile::copy(m_pdf, pdf));
    }
}

void TestReport::htmlEscapesHostileText()
{
    const QString path = m_dir.filePath(u"report.html"_s);
    const ProgramRun run = report({u"--out"_s, path, u"--title"_s, u"</title><script>alert(2)</script> & co"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(!html.contains(u"<html><b>bold?"_s));
    QVERIFY(!html.contains(u"<script>"_s));
    QVERIFY2(html.contains(u"&lt;html&gt;&lt;b&gt;bold?&lt;/b&gt;&lt;/html&gt; &amp; more"_s),
             qPrintable(html.left(2000)));
    QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"_s));
    QVERIFY(html.contains(u"second line of the note"_s));
    QVERIFY(html.contains(u"data:image/png;base64,"_s)); // the timeline, inside the file
    for (const QString &digest : digests().keys())
        QVERIFY(html.contains(digest));
    QVERIFY2(html.contains(u"<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; co</title>"_s),
             qPrintable(html.left(600)));
}

void TestReport::scopedToOneHost()
{
    const QString path = m_dir.filePath(u"beta.pdf"_s);
    const ProgramRun run
        = report({u"--out"_s, path, u"--host"_s, u"beta"_s, u"--from"_s, QString::number(QueryScenario::at(0)),
                  u"--to"_s, QString::number(QueryScenario::at(100))});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QString text = folded(pdfText(path));
    for (const QString &digest : digests(u"beta"_s).keys())
        QVERIFY(text.contains(digest));
    for (const QString &digest : digests(u"alpha"_s).keys())
        QVERIFY2(!text.contains(digest), qPrintable(digest));
    QVERIFY(!text.contains(kHostileNote.left(10))); // a note about alpha
    QVERIFY(text.contains(u"bookmarks and notes about other hosts or times are not in this report"_s));
    QVERIFY(
        text.contains(u"entries about archives, notes or bookmarks outside the scope of this report are left out"_s));
    QVERIFY(text.contains(u"beta No losses recorded: the collector"_s));
    QVERIFY(!text.contains(u"Not recorded: archive seq 3"_s));

    // alpha between its archives seq 2 (ends @1040) and 4 (starts @5000): the case has nothing of that time, which
    // reads "not recorded", never "no losses".
    const QString gap = m_dir.filePath(u"gap.pdf"_s);
    const ProgramRun inGap
        = report({u"--out"_s, gap, u"--host"_s, u"alpha"_s, u"--from"_s, QString::number(QueryScenario::at(2000)),
                  u"--to"_s, QString::number(QueryScenario::at(3000))});
    QVERIFY2(inGap.code == 0, qPrintable(inGap.err));
    const QString gapText = folded(pdfText(gap));
    QVERIFY(gapText.contains(u"Not recorded: no archive of alpha in the case covers the scope of this report"_s));
    QVERIFY(gapText.contains(u"Not recorded: no archive in the case covers the scope of this report"_s));
    QVERIFY(!gapText.contains(u"No losses recorded: the collector"_s));
    QVERIFY(gapText.contains(u"No events in the scope of this report"_s));
}

void TestReport::progressAndCancel()
{
    QList<int> percents;
    QStringList steps;
    auto data = collectReport(*m_db, {}, nullptr, [&](int percent, const QString &step) {
        percents << percent;
        steps << step;
    });
    QVERIFY2(data.ok(), qPrintable(data.error().message));
    QCOMPARE(data->title, u"Incident report: "_s + m_db->name()); // the default title
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    QCOMPARE(percents.constLast(), 100);
    QVERIFY(steps.contains(u"evidence"_s) && steps.contains(u"coverage"_s));
    QCOMPARE(data->processes.size(), 2);
    QCOMPARE(data->bookmarks.size(), 2);
    QCOMPARE(data->notes.size(), 2);
    QVERIFY(!data->timeline.isEmpty());
    const auto document = ReportDocument::build(*data);
    QVERIFY(document->toPlainText().contains(u"payload download"_s));

    std::atomic<bool> cancel{true};
    auto cancelled = collectReport(*m_db, {}, &cancel);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, kReportCancelled);
    QVERIFY(cancelled.error().message.contains(u"cancelled"_s));
}

void TestReport::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("no --out") << QStringList{} << u"--out FILE.pdf or --out FILE.html is required"_s;
    QTest::newRow("other suffix") << QStringList{u"--out"_s, u"x.txt"_s} << u"give a file name ending in .pdf"_s;
    QTest::newRow("unknown host") << QStringList{u"--out"_s, u"x.pdf"_s, u"--host"_s, u"delta"_s} << u"delta"_s;
    QTest::newRow("bad time") << QStringList{u"--out"_s, u"x.pdf"_s, u"--from"_s, u"yesterday"_s} << u"--from"_s;
    QTest::newRow("no such folder") << QStringList{u"--out"_s, u"/nonexistent/dir/r.pdf"_s}
                                    << u"/nonexistent/dir/r.pdf.part: cannot write the report"_s;
}

void TestReport::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const ProgramRun run = report(arguments);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(error), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count(u'\n'), 0); // one line
    QVERIFY(!QFile::exists(u"x.pdf"_s) && !QFile::exists(u"x.pdf.part"_s));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
