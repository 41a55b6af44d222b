// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts: the text a person reads; the syslog sink writing to a datagram socket this test binds; the command sink
// feeding a real shell the event as JSON, and its failures (exit code, timeout) counted without stopping anything;
// wall run for real; the alerter's threshold, queue bound and drain on stop.
#include "alerts.h"
#include "eventcodec.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::Recorder;

namespace {

StateChange moduleChange(Severity severity = Severity::High)
{
    StateItem added{u"evil"_s, {{u"size"_s, qint64(16384)}, {u"file"_s, u"/tmp/evil.ko"_s}}};
    StateItem before{u"ext4"_s, {{u"refcount"_s, qint64(1)}, {u"state"_s, u"Live"_s}}};
    StateItem after{u"ext4"_s, {{u"refcount"_s, qint64(2)}, {u"state"_s, u"Live"_s}}};
    return {u"modules"_s, severity, {added}, {}, {{u"ext4"_s, before, after}}};
}

Event alertEvent(const StateChange &change)
{
    return {1'800'000'000'000'000'000, 5'000'000'000, change};
}

// A bound datagram socket at a temporary path, the syslog sink's peer.
struct LogSocket
{
    int fd = -1;
    QString path;
    explicit LogSocket(const QString &at)
        : path(at)
    {
        fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray p = QFile::encodeName(path);
        std::memcpy(address.sun_path, p.constData(), size_t(p.size()));
        if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~LogSocket()
    {
        if (fd >= 0)
            ::close(fd);
    }
    QByteArray receive() const
    {
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        return n > 0 ? QByteArray(buffer, n) : QByteArray();
    }
};

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textShowsEveryItemAndWhatChanged()
    {
        const QString text = alertText(moduleChange(), u"web1"_s);
        QCOMPARE(text, u"flightrec on web1: high integrity change in modules\n"
                       "  added evil (file=/tmp/evil.ko size=16384)\n"
                       "  changed ext4: refcount: 1 -> 2"_s);
        const QString line = alertLine(moduleChange(), u"web1"_s);
        QVERIFY(!line.contains(u'\n'));
        QVERIFY(line.contains(u"added evil"_s) && line.contains(u"refcount: 1 -> 2"_s));
    }

    void textIsBounded()
    {
        StateChange many{u"packages"_s, Severity::High, {}, {}, {}};
        for (int i = 0; i < 100; ++i)
            many.added.append({u"pkg%1:amd64"_s.arg(i), {{u"version"_s, u"1.0"_s}}});
        const QStringList lines = alertText(many, u"h"_s, 10).split(u'\n');
        QCOMPARE(lines.size(), 12);
        QCOMPARE(lines.last(), u"  ... and 90 more"_s);
        QVERIFY(alertLine(many, u"h"_s, 200).size() <= 204);
    }

    void syslogSinkWritesOneAuthprivLine()
    {
        QTemporaryDir dir;
        LogSocket log(dir.filePath(u"log"_s));
        QVERIFY(log.fd >= 0);
        auto sink = makeSyslogSink(u"web1"_s, log.path);
        const StateChange change = moduleChange();
        QVERIFY(sink->send(alertEvent(change), change));
        const QByteArray message = log.receive();
        QVERIFY2(message.startsWith("<81>"), message.constData()); // authpriv (10) * 8 + alert (1)
        QVERIFY(message.contains(" flightrec[" + QByteArray::number(::getpid()) + "]: flightrec on web1: high"));
        const StateChange medium = moduleChange(Severity::Medium);
        QVERIFY(sink->send(alertEvent(medium), medium));
        QVERIFY(log.receive().startsWith("<84>")); // warning

        auto nowhere = makeSyslogSink(u"web1"_s, dir.filePath(u"missing"_s));
        const auto failed = nowhere->send(alertEvent(change), change);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(u"missing"_s), qPrintable(failed.error().message));
    }

    void commandSinkGetsTheEventAsJson()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"alert.json"_s);
        auto sink = makeCommandSink({u"/bin/sh"_s, u"-c"_s, u"cat > \"$0\""_s, out}, std::chrono::seconds(5));
        const StateChange change = moduleChange();
        QVERIFY(sink->send(alertEvent(change), change));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), encodeEvent(alertEvent(change)));
    }

    void commandFailuresAreErrors()
    {
        const StateChange change = moduleChange();
        auto failing = makeCommandSink({u"/bin/sh"_s, u"-c"_s, u"cat >/dev/null; exit 3"_s}, std::chrono::seconds(5));
        const auto failed = failing->send(alertEvent(change), change);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(u"exit code 3"_s), qPrintable(failed.error().message));

        auto missing = makeCommandSink({u"/nonexistent/handler"_s}, std::chrono::seconds(5));
        QVERIFY(!missing->send(alertEvent(change), change));

        QElapsedTimer timer;
        timer.start();
        auto slow = makeCommandSink({u"/bin/sleep"_s, u"30"_s}, std::chrono::milliseconds(300));
        const auto timedOut = slow->send(alertEvent(change), change);
        QVERIFY(!timedOut);
        QVERIFY2(timedOut.error().message.contains(u"killed"_s), qPrintable(timedOut.error().message));
        QVERIFY(timer.elapsed() < 5000);
    }

    void wallRuns()
    {
        if (!QFile::exists(u"/usr/bin/wall"_s))
            QFAIL("util-linux wall is missing (bsdutils is an essential Debian package)");
        auto sink = makeWallSink(u"web1"_s);
        const StateChange change = moduleChange();
        const auto sent = sink->send(alertEvent(change), change);
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message));
        auto broken = makeWallSink(u"web1"_s, u"/nonexistent/wall"_s);
        QVERIFY(!broken->send(alertEvent(change), change));
    }

    void alerterSendsAtOrAboveTheThresholdAndCountsFailures()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"alerts"_s);
        std::vector<std::unique_ptr<AlertSink>> sinks;
        sinks.push_back(makeCommandSink({u"/bin/sh"_s, u"-c"_s, u"cat >> \"$0\"; echo >> \"$0\""_s, out},
                                        std::chrono::seconds(5)));
        sinks.push_back(makeCommandSink({u"/bin/false"_s}, std::chrono::seconds(5)));
        Alerter alerter(std::move(sinks), Severity::Medium);
        alerter.post(alertEvent(moduleChange(Severity::High)));
        alerter.post(alertEvent(moduleChange(Severity::Low))); // below the threshold
        alerter.post(alertEvent(moduleChange(Severity::Medium)));
        alerter.post({1, 1, ProcFork{{1, 1}, {0, 0}, {}}}); // not a state change
        alerter.stop(); // sends what is queued
        QCOMPARE(alerter.stats().sent, 2);
        QCOMPARE(alerter.stats().failed, 2);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\"kind\":\"state.change\""), 2);
    }

    void fullQueueDropsAndCounts()
    {
        std::vector<std::unique_ptr<AlertSink>> sinks;
        sinks.push_back(makeCommandSink({u"/bin/sh"_s, u"-c"_s, u"cat >/dev/null; sleep 0.2"_s}, std::chrono::seconds(5)));
        Alerter alerter(std::move(sinks), Severity::High, 2);
        for (int i = 0; i < 10; ++i)
            alerter.post(alertEvent(moduleChange()));
        alerter.stop();
        const Alerter::Stats stats = alerter.stats();
        QVERIFY2(stats.dropped >= 7 && stats.sent + stats.dropped == 10,
                 qPrintable(u"sent %1 dropped %2"_s.arg(stats.sent).arg(stats.dropped)));
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
