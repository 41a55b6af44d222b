// SPDX-License-Identifier: GPL-3.0-or-later
// The recording pipeline end to end with a synthetic source (the live capture sources have their own tests):
// journal -> sealed, signed, chained archives; recovery of a journal left by a crash; sealing by size; retention
// reported as a loss.
#include "archivereader.h"
#include "chain.h"
#include "eventcodec.h"
#include "journal.h"
#include "recorder.h"
#include "sampleevents.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <numeric>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::Recorder;

namespace {

// Delivers a fixed list of events from its own thread, like a live source would.
class ListSource : public Flight::Capture::EventSource
{
public:
    explicit ListSource(QList<Event> events)
        : m_events(std::move(events))
    {
    }
    ~ListSource() override { stop(); }
    Backend backend() const override { return {u"synthetic"_s, u"list"_s, false, {}}; }
    Flight::Expected<void> start(Flight::Capture::EventSink &sink) override
    {
        m_thread = std::thread([this, &sink] {
            for (const Event &e : std::as_const(m_events))
                sink.deliver(e);
        });
        return {};
    }
    void stop() override
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    QList<Event> m_events;
    std::thread m_thread;
};

std::vector<std::unique_ptr<Flight::Capture::EventSource>> sourcesOf(QList<Event> events)
{
    std::vector<std::unique_ptr<Flight::Capture::EventSource>> sources;
    sources.push_back(std::make_unique<ListSource>(std::move(events)));
    return sources;
}

QList<Event> readAll(const QString &path)
{
    QList<Event> events;
    ArchiveReader reader(path);
    if (!reader.open() || !reader.readEvents([&events](const Event &e) { return events.append(e), true; }))
        qFatal("cannot read %s", qPrintable(path));
    return events;
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_config = Config{};
        m_config.keyPath = m_dir->filePath(u"host.key"_s);
        m_config.outbox = m_dir->filePath(u"outbox"_s);
        m_config.journal = m_dir->filePath(u"journal"_s);
        QVERIFY(m_key.save(m_config.keyPath));
    }

    void recordsSealsAndSigns()
    {
        const QList<Event> synthetic = Flight::TestSupport::mixedEvents(500);
        Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
        QVERIFY(recorder.start(sourcesOf(synthetic)));
        QVERIFY(recorder.run(m_stop, QDeadlineTimer(1000), false));
        QCOMPARE(recorder.sealed().size(), 1);
        const SealedArchive &archive = recorder.sealed().front();
        QCOMPARE(archive.manifest.seq, 1);
        QCOMPARE(archive.manifest.collector.backends, (QList<Backend>{{u"synthetic"_s, u"list"_s, false, {}}}));
        QVERIFY(archive.manifest.collector.stats.value(u"rss_kb"_s) > 0);

        const QList<Event> events = readAll(archive.path);
        QVERIFY(std::holds_alternative<RecorderStart>(events.front().body));
        QVERIFY(std::holds_alternative<RecorderStop>(events.back().body));
        QCOMPARE(std::get<RecorderStop>(events.back().body).reason, u"duration"_s);
        QVERIFY(std::holds_alternative<RecorderHeartbeat>(events[events.size() - 2].body));
        bool sawSelf = false;
        QList<Event> delivered;
        for (const Event &e : events) {
            if (e.ts >= synthetic.front().ts && e.ts <= synthetic.back().ts)
                delivered.append(e); // the synthetic events carry times from 2025
            else if (const auto *p = std::get_if<ProcSnapshot>(&e.body))
                sawSelf |= p->proc.pid == QCoreApplication::applicationPid();
        }
        QVERIFY(sawSelf);
        QCOMPARE(delivered, synthetic); // every event, in order, unchanged
        QCOMPARE(Journal::pendingFiles(m_config.journal), QStringList{});
    }

    // When the queue overflows, the dropped events may have said anything about processes: a loss, then every live
    // process again (the first snapshot after the start one), so the tree is whole again after the gap.
    void queueOverflowIsFollowedByAFullSnapshot()
    {
        m_config.queueEvents = 100;
        QList<Event> burst = Flight::TestSupport::mixedEvents(20000);
        Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
        QVERIFY(recorder.start(sourcesOf(burst)));
        QVERIFY(recorder.run(m_stop, QDeadlineTimer(1000), false));
        QCOMPARE(recorder.sealed().size(), 1);
        const QList<Event> events = readAll(recorder.sealed().front().path);

        const auto isSelf = [](const Event &e) {
            const auto *p = std::get_if<ProcSnapshot>(&e.body);
            return p && p->proc.pid == QCoreApplication::applicationPid();
        };
        const auto firstLoss = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
            const auto *loss = std::get_if<RecorderLoss>(&e.body);
            return loss && loss->source == u"recorder.queue"_s;
        });
        QVERIFY2(firstLoss != events.cend(), "a queue of 100 took a burst of 20000 without dropping");
        QVERIFY(std::find_if(events.cbegin(), firstLoss, isSelf) != firstLoss); // the start snapshot
        QVERIFY(std::find_if(firstLoss, events.cend(), isSelf) != events.cend()); // and the one after the loss
        QVERIFY(std::get<RecorderLoss>(firstLoss->body).count > 0);
    }

    void sealsBySizeWithAnIntactChain()
    {
        m_config.sealBytes = 64 * 1024;
        const QList<Event> synthetic = Flight::TestSupport::mixedEvents(3000);
        Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
        QVERIFY(recorder.start(sourcesOf(synthetic)));
        QVERIFY(recorder.run(m_stop, QDeadlineTimer(1500), false));
        const auto &sealed = recorder.sealed();
        QVERIFY2(sealed.size() >= 5, qPrintable(QString::number(sealed.size())));
        qint64 total = 0;
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            QCOMPARE(sealed[i].manifest.seq, i + 1);
            if (i > 0)
                QCOMPARE(chainVerdict(ChainLink::of(sealed[i - 1].manifest, sealed[i - 1].digest),
                                      ChainLink::of(sealed[i].manifest, sealed[i].digest)),
                         ChainVerdict::Intact);
            for (const Event &e : readAll(sealed[i].path))
                total += e.ts >= synthetic.front().ts && e.ts <= synthetic.back().ts ? 1 : 0;
        }
        QCOMPARE(total, synthetic.size());
    }

    // Each archive after the first starts with the integrity state recorded so far; a high change reaches the
    // command alert sink as its JSON line, and the heartbeat counts it.
    void everyArchiveStartsWithTheStateAndHighChangesAlert()
    {
        const QString alerts = m_dir->filePath(u"alerts.jsonl"_s);
        m_config.sealBytes = 64 * 1024;
        m_config.alertSinks = {u"command"_s};
        m_config.alertCommand = {u"/bin/sh"_s, u"-c"_s, u"cat >> \"$0\""_s, alerts};
        const StateItem boot{u"/boot/vmlinuz"_s, {{u"digest"_s, u"aa"_s}}};
        const StateItem tampered{u"/boot/vmlinuz"_s, {{u"digest"_s, u"bb"_s}}};
        const StateItem login{u"root@pts/0"_s, {{u"user"_s, u"root"_s}}};
        QList<Event> synthetic{{1, 1, StateSnapshot{u"files"_s, {boot}}},
                               {2, 2, StateChange{u"files"_s, Severity::High, {}, {}, {{boot.id, boot, tampered}}}},
                               {3, 3, StateChange{u"logins"_s, Severity::Medium, {login}, {}, {}}}};
        synthetic += Flight::TestSupport::mixedEvents(2000);
        synthetic.removeIf([](const Event &e) { return e.ts > 3 && std::holds_alternative<StateSnapshot>(e.body); });
        synthetic.removeIf([](const Event &e) { return e.ts > 3 && std::holds_alternative<StateChange>(e.body); });
        Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
        QVERIFY(recorder.start(sourcesOf(synthetic)));
        QVERIFY(recorder.run(m_stop, QDeadlineTimer(1500), false));
        const auto &sealed = recorder.sealed();
        QVERIFY(sealed.size() >= 2);
        for (qsizetype i = 1; i < sealed.size(); ++i) {
            const QList<Event> events = readAll(sealed[i].path);
            QVERIFY(events.size() >= 2);
            QCOMPARE(events[0].body, EventBody(StateSnapshot{u"files"_s, {tampered}}));
            QCOMPARE(events[1].body, EventBody(StateSnapshot{u"logins"_s, {login}}));
        }
        QFile file(alerts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), encodeEvent(synthetic[1])); // the high change only (alert_severity = high)
        QCOMPARE(sealed.back().manifest.collector.stats.value(u"alerts_sent"_s), 1);
    }

    void chainContinuesAcrossRuns()
    {
        QString firstDigest;
        for (int run = 1; run <= 2; ++run) {
            Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
            QVERIFY(recorder.start(sourcesOf({})));
            QVERIFY(recorder.run(m_stop, QDeadlineTimer(200), false));
            QCOMPARE(recorder.sealed().size(), 1);
            QCOMPARE(recorder.sealed().front().manifest.seq, run);
            if (run == 2)
                QCOMPARE(recorder.sealed().front().manifest.prevDigest, firstDigest);
            firstDigest = recorder.sealed().front().digest;
        }
    }

    void recoversAJournalLeftByACrash()
    {
        QVERIFY(QDir().mkpath(m_config.journal));
        JournalMeta meta{Flight::TestSupport::sampleHost(u"crashed"_s), {u"0.0.9"_s, QString(), {}, {}}};
        meta.host.bootId = u"00000000-1111-2222-3333-444444444444"_s;
        QByteArray content = journalMetaToJson(meta) + '\n';
        const QList<Event> before = Flight::TestSupport::oneEventOfEachKind().mid(0, 3);
        for (const Event &e : before)
            encodeEvent(e, content);
        content += "{\"kind\":\"proc.ex"; // torn by the crash
        QFile file(QDir(m_config.journal).filePath(u"current.jsonl"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
        QVERIFY(recorder.start(sourcesOf({})));
        QCOMPARE(recorder.recoveredFiles(), 1);
        QVERIFY(recorder.run(m_stop, QDeadlineTimer(100), false));
        QCOMPARE(recorder.sealed().size(), 2);
        const SealedArchive &recovered = recorder.sealed().front();
        QVERIFY(recovered.manifest.recovered);
        QCOMPARE(recovered.manifest.host.bootId, meta.host.bootId); // the boot the events happened in
        QCOMPARE(recovered.manifest.host.hostname, u"crashed"_s);
        QCOMPARE(recovered.manifest.collector.version, u"0.0.9"_s);
        const QList<Event> events = readAll(recovered.path);
        QCOMPARE(events.mid(0, 3), before); // nothing written before the crash is lost
        QCOMPARE(events.size(), 4);
        const auto &loss = std::get<RecorderLoss>(events.back().body);
        QCOMPARE(loss.source, u"journal"_s);
        QVERIFY(loss.reason->contains(u"without a clean shutdown"_s));
        QVERIFY(!recorder.sealed()[1].manifest.recovered);
    }

    void retentionDeletionsAreReportedAsLoss()
    {
        m_config.sealBytes = 32 * 1024;
        m_config.retentionBytes = 1; // keep only the newest
        QList<Event> synthetic = Flight::TestSupport::mixedEvents(2000);
        synthetic.removeIf([](const Event &e) { return std::holds_alternative<RecorderLoss>(e.body); });
        Recorder recorder(m_config, m_key, Flight::TestSupport::sampleHost(), u"0.1.0"_s);
        QVERIFY(recorder.start(sourcesOf(synthetic)));
        QVERIFY(recorder.run(m_stop, QDeadlineTimer(1500), true));
        const qint64 n = recorder.sealed().size();
        QVERIFY(n >= 3);
        // The manifests of all sealed archives, deleted ones included, account for every deletion exactly once.
        QList<qint64> deletedSeqs;
        for (const SealedArchive &a : recorder.sealed()) {
            for (const LossSummary &loss : a.manifest.tally.losses) {
                if (loss.source == u"retention"_s) {
                    QCOMPARE(loss.unit, LossUnit::Archives);
                    deletedSeqs.append(loss.count);
                }
            }
        }
        // Retention runs after each seal while recording; the final seal at stop is pruned by the next run (its
        // loss report needs an archive to go into). So the last two remain and n - 2 were deleted and reported.
        QCOMPARE(QDir(m_config.outbox).entryList({u"*.frec"_s}).size(), 2);
        QCOMPARE(std::accumulate(deletedSeqs.begin(), deletedSeqs.end(), qint64(0)), n - 2);
        const QList<Event> last = readAll(recorder.sealed().back().path);
        const auto reported = std::find_if(last.begin(), last.end(), [&](const Event &e) {
            return std::holds_alternative<RecorderLoss>(e.body) && e.ts > synthetic.back().ts
                && std::get<RecorderLoss>(e.body).source == u"retention"_s;
        });
        QVERIFY(reported != last.end());
        QCOMPARE(std::get<RecorderLoss>(reported->body).lastSeq, std::optional<qint64>(n - 2));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Config m_config;
    SigningKey m_key = SigningKey::generate();
    std::atomic<bool> m_stop{false};
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
