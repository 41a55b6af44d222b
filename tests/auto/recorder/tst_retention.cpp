// SPDX-License-Identifier: GPL-3.0-or-later
// Retention by bytes and age: the oldest archives go first, the newest never, and the result names what went.
#include "retention.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Recorder;

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        QCOMPARE(sequenceFromName(u"web1-00000017.frec"_s), std::optional<qint64>(17));
        QCOMPARE(sequenceFromName(u"my-host-3.frec"_s), std::optional<qint64>(3));
        QCOMPARE(sequenceFromName(u"web1-00000017.frec.part"_s), std::optional<qint64>());
        QCOMPARE(sequenceFromName(u"notes.txt"_s), std::optional<qint64>());
    }

    void bySize()
    {
        QTemporaryDir dir;
        for (int seq = 1; seq <= 5; ++seq)
            write(dir.filePath(u"h-%1.frec"_s.arg(seq, 8, 10, QLatin1Char('0'))), 1000);
        write(dir.filePath(u"h-00000006.frec.part"_s), 5000); // being written: not an archive yet
        const RetentionResult r = applyRetention(dir.path(), 2500, 1000000, QDateTime::currentDateTimeUtc());
        QCOMPARE(r.deleted, 3);
        QCOMPARE(r.firstSeq, 1);
        QCOMPARE(r.lastSeq, 3);
        QCOMPARE(r.bytes, 3000);
        QCOMPARE(QDir(dir.path()).entryList({u"*.frec"_s}), (QStringList{u"h-00000004.frec"_s, u"h-00000005.frec"_s}));
        QVERIFY(QFile::exists(dir.filePath(u"h-00000006.frec.part"_s)));
    }

    void byAgeKeepsTheNewest()
    {
        QTemporaryDir dir;
        for (int seq = 1; seq <= 3; ++seq)
            write(dir.filePath(u"h-%1.frec"_s.arg(seq)), 10);
        const QDateTime later = QDateTime::currentDateTimeUtc().addDays(40);
        const RetentionResult r = applyRetention(dir.path(), 1000000, 30 * 86400, later);
        QCOMPARE(r.deleted, 2);
        QCOMPARE(QDir(dir.path()).entryList({u"*.frec"_s}), QStringList{u"h-3.frec"_s});
    }

    void nothingToDo()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"h-1.frec"_s), 10);
        QCOMPARE(applyRetention(dir.path(), 1000, 1000, QDateTime::currentDateTimeUtc()).deleted, 0);
    }

private:
    static void write(const QString &path, int bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(bytes, 'x'));
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
