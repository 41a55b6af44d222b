// SPDX-License-Identifier: GPL-3.0-or-later
// The import's progress line (flightdeck-cli): one archive at a time as before; two lanes' archives, reporting in turn,
// named together with their bytes added up instead of one after the other; an archive leaves the line when its
// outcome arrives, or when read to its end and another reports.
#include "readingarchives.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

class TestReadingArchives : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneArchiveAtATime();
    void twoLanesShownTogether();
    void outcomeBeforeTheEnd();
};

namespace {

ImportProgress report(int index, int count, const QString &path, qint64 done, qint64 total)
{
    return ImportProgress{index, count, path, done, total};
}

} // namespace

void TestReadingArchives::oneArchiveAtATime()
{
    ReadingArchives reading;
    auto shown = reading.progressed(report(0, 3, u"/usb/host-a/1.frec"_s, 10, 100));
    QCOMPARE(shown.label(), u"[1/3] 1.frec"_s);
    QCOMPARE(shown.bytesDone, 10);
    QCOMPARE(shown.bytesTotal, 100);
    shown = reading.progressed(report(0, 3, u"/usb/host-a/1.frec"_s, 100, 100));
    QCOMPARE(shown.label(), u"[1/3] 1.frec"_s); // read to its end, still the one reporting
    QCOMPARE(shown.bytesDone, 100);
    // SQLite: the next archive is read before the first one's batch commits; the first leaves the line.
    shown = reading.progressed(report(1, 3, u"/usb/host-a/2.frec"_s, 5, 50));
    QCOMPARE(shown.label(), u"[2/3] 2.frec"_s);
    QCOMPARE(shown.bytesDone, 5);
    QCOMPARE(shown.bytesTotal, 50);
    shown = reading.ended(u"/usb/host-a/1.frec"_s);
    QCOMPARE(shown.files, QStringList{u"2.frec"_s});
}

void TestReadingArchives::twoLanesShownTogether()
{
    ReadingArchives reading;
    reading.progressed(report(0, 4, u"/usb/a/1.frec"_s, 10, 100));
    auto shown = reading.progressed(report(0, 4, u"/usb/b/1.frec"_s, 20, 200));
    QCOMPARE(shown.label(), u"[1/4] 1.frec, 1.frec"_s);
    QCOMPARE(shown.bytesDone, 30);
    QCOMPARE(shown.bytesTotal, 300);
    shown = reading.progressed(report(0, 4, u"/usb/a/1.frec"_s, 60, 100));
    QCOMPARE(shown.files.size(), 2); // in the order they started, whichever reported last
    QCOMPARE(shown.bytesDone, 80);
    shown = reading.progressed(report(0, 4, u"/usb/a/1.frec"_s, 100, 100));
    QCOMPARE(shown.bytesDone, 120);
    // Lane a's archive ends; lane b goes on alone, then lane a starts its next archive.
    shown = reading.ended(u"/usb/a/1.frec"_s);
    QCOMPARE(shown.bytesDone, 20);
    QCOMPARE(shown.bytesTotal, 200);
    shown = reading.progressed(report(1, 4, u"/usb/a/2.frec"_s, 1, 100));
    QCOMPARE(shown.label(), u"[2/4] 1.frec, 2.frec"_s);
    QCOMPARE(shown.bytesDone, 21);
    QCOMPARE(shown.bytesTotal, 300);
}

void TestReadingArchives::outcomeBeforeTheEnd()
{
    // A refused or cancelled archive ends before it was read to its end: its bytes leave at once.
    ReadingArchives reading;
    reading.progressed(report(0, 2, u"/in/bad.frec"_s, 10, 100));
    auto shown = reading.ended(u"/in/bad.frec"_s);
    QVERIFY(shown.files.isEmpty());
    QCOMPARE(shown.bytesTotal, 0);
    shown = reading.progressed(report(1, 2, u"/in/good.frec"_s, 50, 100));
    QCOMPARE(shown.label(), u"[2/2] good.frec"_s);
    QCOMPARE(shown.bytesDone, 50);
}

QTEST_GUILESS_MAIN(TestReadingArchives)
#include "tst_readingarchives.moc"
