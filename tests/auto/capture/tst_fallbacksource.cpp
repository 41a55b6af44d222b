// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing a capture mechanism: the first candidate that starts runs, built with the reasons the better ones gave;
// when none starts, the error lists every reason once; NotCapturedSource states what was not captured and why.
#include "collectingsink.h"
#include "fallbacksource.h"
#include "notcapturedsource.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

class FakeSource final : public EventSource
{
public:
    FakeSource(QString name, QString failure, QString whyNotBetter)
        : m_name(std::move(name))
        , m_failure(std::move(failure))
        , m_why(std::move(whyNotBetter))
    {
    }
    Backend backend() const override { return {u"proc"_s, m_name, !m_why.isEmpty(), m_why}; }
    Flight::Expected<void> start(EventSink &sink) override
    {
        if (!m_failure.isEmpty())
            return Flight::Error{m_failure};
        sink.deliver({1, 1, RecorderStop{m_name}});
        return {};
    }
    void stop() override { }

private:
    QString m_name, m_failure, m_why;
};

FallbackSource::Candidate candidate(const QString &name, const QString &failure)
{
    return {name, [=](const QString &why) { return std::make_unique<FakeSource>(name, failure, why); }};
}

} // namespace

class TestFallbackSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstThatStartsRunsWithTheReasons()
    {
        FallbackSource source({candidate(u"ebpf"_s, u"bpf: not permitted"_s),
                               candidate(u"netlink"_s, u"netlink: no connector"_s), candidate(u"poll"_s, {}),
                               candidate(u"never"_s, {})});
        QCOMPARE(source.backend().backend, u"ebpf"_s); // before start: the first candidate
        CollectingSink sink;
        QVERIFY(source.start(sink));
        const Backend running = source.backend();
        QCOMPARE(running.backend, u"poll"_s);
        QVERIFY(running.degraded);
        // A reason that already names its mechanism is not prefixed twice.
        QCOMPARE(running.reason, u"ebpf: bpf: not permitted; netlink: no connector"_s);
        QCOMPARE(sink.events().size(), 1);
        QCOMPARE(std::get<RecorderStop>(sink.events()[0].body).reason, u"poll"_s);
        source.stop();
    }

    void noneStartsListsEveryReason()
    {
        FallbackSource source({candidate(u"ebpf"_s, u"no BTF"_s), candidate(u"netlink"_s, u"not permitted"_s)});
        CollectingSink sink;
        const auto started = source.start(sink);
        QVERIFY(!started);
        QCOMPARE(started.error().message, u"ebpf: no BTF; netlink: not permitted"_s);
        QVERIFY(sink.events().isEmpty());
    }

    void notCapturedSaysWhy()
    {
        FallbackSource source(
            {candidate(u"fanotify"_s, u"fanotify: operation not permitted"_s),
             {u"none"_s, [](const QString &why) { return std::make_unique<NotCapturedSource>(u"file"_s, why); }}});
        CollectingSink sink;
        QVERIFY(source.start(sink));
        QCOMPARE(source.backend(), (Backend{u"file"_s, u"none"_s, true, u"fanotify: operation not permitted"_s}));
        source.stop();
        QVERIFY(sink.events().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFallbackSource)
#include "tst_fallbacksource.moc"
