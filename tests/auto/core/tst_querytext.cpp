// SPDX-License-Identifier: GPL-3.0-or-later
// How the queries show and read text: bytes for display and JSON (invalid UTF-8 kept, as escapes or base64), argv
// elements, globs turned into LIKE and GLOB patterns (activityqueries.h), and times parsed and printed (UTC only).
#include "activityqueries.h"
#include "bytetext.h"
#include "timetext.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

class TestQueryText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byteText();
    void timeText();
};

void TestQueryText::byteText()
{
    QCOMPARE(displayBytes("a b\n\t\\\x01\xff\xc3\xa9"), u"a b\\n\\t\\\\\\x01\\xff\u00e9"_s);
    QCOMPARE(bytesJson("caf\xc3\xa9").toString(), u"caf\u00e9"_s);
    QCOMPARE(bytesJson("\xc3").toObject().value(u"b64"_s).toString(), u"ww=="_s);
    QCOMPARE(argvElements(QByteArray("a\0\0b", 4)), (QList<QByteArray>{"a", "", "b"}));
    QCOMPARE(globToLike("a*b?c%d_e\\*"), QByteArray("a%b_c\\%d\\_e*"));
    QCOMPARE(globToSqliteGlob("a*b?c[\\*"), QByteArray("a*b?c[[][*]"));
    QCOMPARE(globLiteralPrefix("/tmp/\\*x*y"), QByteArray("/tmp/*x"));
}

void TestQueryText::timeText()
{
    QCOMPARE(parseTime(u"1760000000123456789"_s), std::optional<qint64>(1760000000123456789LL));
    QCOMPARE(parseTime(u"2025-10-09T08:53:20.123456789Z"_s), std::optional<qint64>(1760000000123456789LL));
    QCOMPARE(parseTime(u"2025-10-09T08:53:20Z"_s), std::optional<qint64>(1760000000000000000LL));
    QCOMPARE(parseTime(u"2025-10-09 08:53:20.5"_s), std::optional<qint64>(1760000000500000000LL));
    QCOMPARE(parseTime(u"2025-10-09"_s), std::optional<qint64>(1759968000000000000LL));
    QCOMPARE(parseTime(u"2025-10-09T08:53:20+02:00"_s), std::nullopt);
    QCOMPARE(parseTime(u"yesterday"_s), std::nullopt);
    QCOMPARE(isoTime(1760000000123456789LL), u"2025-10-09T08:53:20.123456789Z"_s);
}

QTEST_GUILESS_MAIN(TestQueryText)
#include "tst_querytext.moc"
