// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessLifetimes: which process held a pid in a span of time, from fork, exec, snapshot and exit events; no answer
// when the pid changed hands in the span; the slack after an exit; forgetting; the completeness promise; an
// ObservedSource feeding it.
#include "collectingsink.h"
#include "observedsource.h"
#include "processlifetimes.h"

#include <QTest>

using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

constexpr qint64 kTick = 10'000'000; // 100 Hz
constexpr qint64 kSecond = 1'000'000'000;

Event fork(qint64 pid, qint64 startTicks)
{
    return {0, startTicks * kTick, ProcFork{{pid, startTicks}, {1, 1}, {}}};
}

Event exitAt(qint64 pid, qint64 startTicks, qint64 mono)
{
    return {0, mono, ProcExit{{pid, startTicks}, 0, {}, false}};
}

Event exec(qint64 pid, qint64 startTicks, qint64 mono)
{
    ProcExec body;
    body.proc = {pid, startTicks};
    return {0, mono, body};
}

} // namespace

class TestProcessLifetimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneProcessOverlappingTheSpan()
    {
        ProcessLifetimes lifetimes(kTick);
        lifetimes.note(fork(42, 100)); // started at 1 s
        QCOMPARE(lifetimes.keyOf(42, 2 * kSecond, 3 * kSecond), (std::optional<ProcKey>(ProcKey{42, 100})));
        QCOMPARE(lifetimes.keyOf(42, 0, kSecond / 2), std::nullopt); // before it started
        QCOMPARE(lifetimes.keyOf(43, 2 * kSecond, 3 * kSecond), std::nullopt); // a pid never seen
    }

    void endedProcessIsFoundUntilTheSlackHasPassed()
    {
        ProcessLifetimes lifetimes(kTick);
        lifetimes.note(exec(42, 100, 2 * kSecond)); // its fork came before the collector
        lifetimes.note(exitAt(42, 100, 3 * kSecond));
        const auto at = [&](qint64 from, qint64 to) { return lifetimes.keyOf(42, from, to); };
        QCOMPARE(at(2 * kSecond, 2 * kSecond), (std::optional<ProcKey>(ProcKey{42, 100})));
        // A close-after-write is reported after the exit tracepoint: the slack covers it.
        const qint64 end = 3 * kSecond + ProcessLifetimes::kExitSlackNs;
        QCOMPARE(at(end, end + kSecond), (std::optional<ProcKey>(ProcKey{42, 100})));
        QCOMPARE(at(end + 1, end + kSecond), std::nullopt);
    }

    void exitWithoutForkStillMakesALife()
    {
        ProcessLifetimes lifetimes(kTick);
        lifetimes.note(exitAt(7, 500, 6 * kSecond));
        QCOMPARE(lifetimes.keyOf(7, 5 * kSecond, 6 * kSecond), (std::optional<ProcKey>(ProcKey{7, 500})));
        QCOMPARE(lifetimes.size(), 1);
    }

    void reusedPidInTheSpanGivesNoAnswer()
    {
        ProcessLifetimes lifetimes(kTick);
        lifetimes.note(fork(42, 100));
        lifetimes.note(exitAt(42, 100, 2 * kSecond));
        lifetimes.note(fork(42, 400)); // the pid again, at 4 s
        // The span touches both lives (the first one's slack runs to 3 s): which one is not known.
        QCOMPARE(lifetimes.keyOf(42, 2 * kSecond, 5 * kSecond), std::nullopt);
        // Spans that touch one life each.
        QCOMPARE(lifetimes.keyOf(42, kSecond + 1, 2 * kSecond), (std::optional<ProcKey>(ProcKey{42, 100})));
        QCOMPARE(lifetimes.keyOf(42, 3 * kSecond + 1, 5 * kSecond), (std::optional<ProcKey>(ProcKey{42, 400})));
    }

    void repeatedEventsOfOneProcessAreOneLife()
    {
        ProcessLifetimes lifetimes(kTick);
        lifetimes.note(fork(42, 100));
        lifetimes.note(exec(42, 100, 2 * kSecond));
        lifetimes.note(exec(42, 100, 3 * kSecond));
        lifetimes.note(exitAt(42, 100, 4 * kSecond));
        lifetimes.note(exitAt(42, 100, 9 * kSecond)); // a second exit changes nothing
        QCOMPARE(lifetimes.size(), 1);
        QCOMPARE(lifetimes.keyOf(42, 7 * kSecond, 8 * kSecond), std::nullopt);
    }

    void endedProcessesAreForgottenAfterAMinute()
    {
        ProcessLifetimes lifetimes(kTick);
        lifetimes.note(fork(42, 100));
        lifetimes.note(exitAt(42, 100, 2 * kSecond));
        lifetimes.note(fork(43, 200)); // alive: never forgotten
        lifetimes.note(fork(44, 100 + 60 * 100));
        QCOMPARE(lifetimes.size(), 3);
        lifetimes.note(exec(44, 100 + 60 * 100, 2 * kSecond + ProcessLifetimes::kExitSlackNs
                                                    + ProcessLifetimes::kMemoryNs + 1));
        QCOMPARE(lifetimes.size(), 2);
        QCOMPARE(lifetimes.keyOf(42, 0, 2 * kSecond), std::nullopt);
        QCOMPARE(lifetimes.keyOf(43, 0, 100 * kSecond), (std::optional<ProcKey>(ProcKey{43, 200})));
    }

    void completenessOnlyGoesForward()
    {
        ProcessLifetimes lifetimes(kTick);
        QCOMPARE(lifetimes.completeUntil(), 0);
        lifetimes.noteComplete(5 * kSecond);
        lifetimes.noteComplete(4 * kSecond);
        QCOMPARE(lifetimes.completeUntil(), 5 * kSecond);
    }

    void observedSourceFeedsTheLifetimes()
    {
        struct Inner final : EventSource
        {
            EventSink *sink = nullptr;
            Backend backend() const override { return {QStringLiteral("proc"), QStringLiteral("test"), false, {}}; }
            Flight::Expected<void> start(EventSink &s) override
            {
                sink = &s;
                return {};
            }
            void stop() override { }
        };
        auto inner = std::make_unique<Inner>();
        Inner *innerSource = inner.get();
        const auto lifetimes = std::make_shared<ProcessLifetimes>(kTick);
        ObservedSource source(std::move(inner), {[&](const Event &e) { lifetimes->note(e); },
                                                 [&](qint64 mono) { lifetimes->noteComplete(mono); }});
        QCOMPARE(source.backend().backend, QStringLiteral("test"));
        CollectingSink recorder;
        QVERIFY(source.start(recorder));
        innerSource->sink->deliver(fork(42, 100));
        innerSource->sink->progress(3 * kSecond);
        QCOMPARE(recorder.events(), QList<Event>{fork(42, 100)}); // passed on unchanged
        QCOMPARE(lifetimes->keyOf(42, 2 * kSecond, 3 * kSecond), (std::optional<ProcKey>(ProcKey{42, 100})));
        QCOMPARE(lifetimes->completeUntil(), 3 * kSecond);
    }
};

QTEST_GUILESS_MAIN(TestProcessLifetimes)
#include "tst_processlifetimes.moc"
