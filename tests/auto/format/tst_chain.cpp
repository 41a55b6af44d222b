// SPDX-License-Identifier: GPL-3.0-or-later
// Hash-chain verdicts between two archives of one signer (FORMAT.md §4), on links and on real archives.
#include "archiveerror.h"
#include "chain.h"
#include "digest.h"
#include "sampleevents.h"
#include "verify.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

Q_DECLARE_METATYPE(Flight::Format::ChainLink)
Q_DECLARE_METATYPE(Flight::Format::ChainVerdict)
Q_DECLARE_METATYPE(Flight::Format::Reason)

class TestChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void verdictNames();
    void realChain();
};

namespace {

QString digestOf(const char *what)
{
    return Blake2b256::hexHash(what);
}

ChainLink link(qint64 seq, const char *digest, const char *prevDigest)
{
    return {seq, digestOf(digest), seq == 1 ? QString() : digestOf(prevDigest)};
}

ChainLink linkOf(const QString &path)
{
    const auto verified = verifyArchive(path);
    if (!verified)
        qFatal("%s", qPrintable(verified.error().message));
    return ChainLink::of(verified->manifest, verified->digest);
}

} // namespace

void TestChain::verdicts_data()
{
    QTest::addColumn<ChainLink>("previous");
    QTest::addColumn<ChainLink>("next");
    QTest::addColumn<ChainVerdict>("verdict");
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<QString>("message");
    const ChainLink five = link(5, "a5", "a4");
    auto row = [&](const char *name, const ChainLink &next, ChainVerdict verdict, Reason reason,
                   const QString &message) { QTest::newRow(name) << five << next << verdict << reason << message; };
    row("intact", link(6, "a6", "a5"), ChainVerdict::Intact, Reason::Unspecified, QString());
    row("same archive again", five, ChainVerdict::Same, Reason::Unspecified, QString());
    row("same archive, prev_digest ignored", link(5, "a5", "zz"), ChainVerdict::Same, Reason::Unspecified, QString());
    row("gap of one", link(7, "a7", "a6"), ChainVerdict::Gap, Reason::SequenceGap,
        u"b.frec: sequence gap: a.frec has sequence 5, so 6..6 are missing"_s);
    row("gap of many", link(100, "a100", "a99"), ChainVerdict::Gap, Reason::SequenceGap,
        u"b.frec: sequence gap: a.frec has sequence 5, so 6..99 are missing"_s);
    row("gap whose prev_digest names the anchor", link(8, "a8", "a5"), ChainVerdict::Gap, Reason::SequenceGap,
        u"b.frec: sequence gap: a.frec has sequence 5, so 6..7 are missing"_s);
    row("fork: same sequence, other digest", link(5, "b5", "a4"), ChainVerdict::Fork, Reason::Fork,
        u"b.frec: fork: sequence 5 also belongs to a.frec, which has a different digest"_s);
    row("fork: next does not continue", link(6, "b6", "b5"), ChainVerdict::Fork, Reason::Fork,
        u"b.frec: fork: sequence 6 does not continue a.frec (prev_digest differs)"_s);
    row("fork: next names no predecessor", ChainLink{6, digestOf("b6"), QString()}, ChainVerdict::Fork, Reason::Fork,
        u"b.frec: fork: sequence 6 does not continue a.frec (prev_digest differs)"_s);
    row("out of order by one", link(4, "a4", "a3"), ChainVerdict::OutOfOrder, Reason::OutOfOrder,
        u"b.frec: out of order: sequence 4 is older than a.frec (sequence 5)"_s);
    row("out of order, first archive", link(1, "a1", ""), ChainVerdict::OutOfOrder, Reason::OutOfOrder,
        u"b.frec: out of order: sequence 1 is older than a.frec (sequence 5)"_s);
}

void TestChain::verdicts()
{
    QFETCH(ChainLink, previous);
    QFETCH(ChainLink, next);
    QFETCH(ChainVerdict, verdict);
    QFETCH(Reason, reason);
    QFETCH(QString, message);
    QCOMPARE(chainVerdict(previous, next), verdict);
    const auto checked = checkChain(previous, next, u"a.frec"_s, u"b.frec"_s);
    QCOMPARE(checked.ok(), reason == Reason::Unspecified);
    if (checked.ok())
        return;
    QCOMPARE(reasonOf(checked.error()), reason);
    QCOMPARE(checked.error().message, message);
}

void TestChain::verdictNames()
{
    QCOMPARE(QByteArray(chainVerdictName(ChainVerdict::Intact)), "intact");
    QCOMPARE(QByteArray(chainVerdictName(ChainVerdict::Same)), "same");
    QCOMPARE(QByteArray(chainVerdictName(ChainVerdict::Gap)), "gap");
    QCOMPARE(QByteArray(chainVerdictName(ChainVerdict::Fork)), "fork");
    QCOMPARE(QByteArray(chainVerdictName(ChainVerdict::OutOfOrder)), "out of order");
}

void TestChain::realChain()
{
    QTemporaryDir dir;
    const SigningKey key = SigningKey::generate();
    QStringList paths;
    QString prevDigest;
    for (qint64 seq = 1; seq <= 4; ++seq) {
        paths.append(dir.filePath(u"web-01-%1.frec"_s.arg(seq)));
        const auto sealed = Test::writeArchive(paths.back(), key, Test::mixedEvents(int(10 * seq)),
                                               Test::sampleHeader(seq, prevDigest));
        QVERIFY2(sealed.ok(), sealed.ok() ? "" : qPrintable(sealed.error().message));
        QCOMPARE(sealed->manifest.prevDigest, prevDigest);
        prevDigest = sealed->digest;
    }
    QList<ChainLink> links;
    for (const QString &path : paths)
        links.append(linkOf(path));
    QCOMPARE(links.back().digest, prevDigest);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(links[i + 1].seq, links[i].seq + 1);
        QCOMPARE(chainVerdict(links[i], links[i + 1]), ChainVerdict::Intact);
        QVERIFY(checkChain(links[i], links[i + 1], paths[i], paths[i + 1]).ok());
        QCOMPARE(chainVerdict(links[i], links[i]), ChainVerdict::Same);
        QCOMPARE(chainVerdict(links[i + 1], links[i]), ChainVerdict::OutOfOrder);
    }
    const auto gap = checkChain(links[0], links[3], paths[0], paths[3]);
    QVERIFY(!gap.ok());
    QCOMPARE(reasonOf(gap.error()), Reason::SequenceGap);
    QCOMPARE(gap.error().message,
             paths[3] + u": sequence gap: "_s + paths[0] + u" has sequence 1, so 2..3 are missing"_s);

    // Another history from archive 2 on: a second seq 3 forks from the first, and archive 4 does not continue it.
    const QString forkPath = dir.filePath(u"web-01-3-fork.frec"_s);
    QVERIFY(Test::writeArchive(forkPath, key, Test::mixedEvents(5), Test::sampleHeader(3, links[1].digest)).ok());
    const ChainLink fork = linkOf(forkPath);
    QCOMPARE(chainVerdict(links[1], fork), ChainVerdict::Intact);
    QCOMPARE(chainVerdict(links[2], fork), ChainVerdict::Fork);
    QCOMPARE(chainVerdict(fork, links[3]), ChainVerdict::Fork);
    const auto forked = checkChain(fork, links[3], forkPath, paths[3]);
    QVERIFY(!forked.ok());
    QCOMPARE(reasonOf(forked.error()), Reason::Fork);
    QCOMPARE(forked.error().message,
             paths[3] + u": fork: sequence 4 does not continue "_s + forkPath + u" (prev_digest differs)"_s);
}

QTEST_GUILESS_MAIN(TestChain)
#include "tst_chain.moc"
