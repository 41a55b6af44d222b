// SPDX-License-Identifier: GPL-3.0-or-later
// A job's end reaches the GUI thread through its event loop, never inside the call that started it, however quickly
// the worker was done: a caller may connect to finished() after start(), or set its own state after start() returns,
// and still see the end after it. whenFinished() is checked on futures that ended before it was called (always
// deterministic); the import, pull and trust jobs on a writer with no case, which skips their work at once, are
// started many times (with QFuture::then/onCanceled, their end came from inside start() in some runs of each).
#include "caseworker.h"
#include "importjob.h"
#include "pulljob.h"
#include "queryresult.h"
#include "trustjob.h"

#include <QPromise>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::Models;

class TestJobEnds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultOfEndedFutureComesLater();
    void skippedFutureComesLater();
    void contextGoneCallsNothing();
    void jobsOnCaselessWriterEndAfterStart();
};

void TestJobEnds::resultOfEndedFutureComesLater()
{
    QPromise<int> promise;
    promise.start();
    promise.addResult(42);
    promise.finish();
    QObject context;
    int got = 0, skipped = 0;
    whenFinished(
        promise.future(), &context, [&](int value) { got = value; }, [&] { ++skipped; });
    QCOMPARE(got, 0);
    QTRY_COMPARE(got, 42);
    QCOMPARE(skipped, 0);
}

void TestJobEnds::skippedFutureComesLater()
{
    QPromise<void> promise;
    promise.start();
    promise.future().cancel();
    promise.finish();
    QObject context;
    int done = 0, skipped = 0;
    whenFinished(
        promise.future(), &context, [&] { ++done; }, [&] { ++skipped; });
    QCOMPARE(skipped, 0);
    QTRY_COMPARE(skipped, 1);
    QCOMPARE(done, 0);
}

void TestJobEnds::contextGoneCallsNothing()
{
    QPromise<int> promise;
    promise.start();
    int calls = 0;
    {
        QObject context;
        whenFinished(
            promise.future(), &context, [&](int) { ++calls; }, [&] { ++calls; });
    }
    promise.addResult(1);
    promise.finish();
    QTest::qWait(50);
    QCOMPARE(calls, 0);
}

void TestJobEnds::jobsOnCaselessWriterEndAfterStart()
{
    CaseWorker writer; // never opened: every job is skipped as soon as the worker thread takes it
    constexpr int kRuns = 200;
    ImportJob importJob;
    QSignalSpy imported(&importJob, &ImportJob::finished);
    PullJob pullJob;
    QSignalSpy pulled(&pullJob, &PullJob::finished);
    TrustJob trustJob;
    QSignalSpy trusted(&trustJob, &TrustJob::finished);
    for (int run = 1; run <= kRuns; ++run) {
        importJob.start(writer, {u"/nonexistent/archive.frec"_s});
        QCOMPARE(imported.count(), run - 1);
        QTRY_COMPARE(imported.count(), run);
        QCOMPARE(imported.last().at(0).toBool(), false);

        pullJob.start(writer, {}, {});
        QCOMPARE(pulled.count(), run - 1);
        QTRY_COMPARE(pulled.count(), run);
        QCOMPARE(pulled.last().at(0).toString(), u"no case is open"_s);

        trustJob.start(writer, u"ed25519:AAAA"_s, {}, {});
        QCOMPARE(trusted.count(), run - 1);
        QTRY_COMPARE(trusted.count(), run);
    }
}

QTEST_MAIN(TestJobEnds)
#include "tst_jobends.moc"
