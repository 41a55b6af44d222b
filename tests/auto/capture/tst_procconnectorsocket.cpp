// SPDX-License-Identifier: GPL-3.0-or-later
// The proc connector subscription on the live kernel: the plain request is acknowledged and then carries every type;
// the narrowed one (UID and GID, Linux 6.6's filter) brings a real setpriv's id changes and, on a kernel that filters,
// nothing else stamped after it was sent. Needs root and CONFIG_PROC_EVENTS.
#include "procconnectorsocket.h"
#include "skip.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <cerrno>
#include <linux/cn_proc.h>
#include <poll.h>
#include <sys/utsname.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using Type = ProcConnectorEvent::Type;

namespace {

// Reads the socket until `done` holds for what was received, or five seconds passed.
template <typename Done> QList<ProcConnectorEvent> receiveUntil(const ProcConnectorSocket &socket, Done done)
{
    QList<ProcConnectorEvent> events;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    QElapsedTimer timer;
    timer.start();
    while (!done(events) && timer.elapsed() < 5000) {
        pollfd fd = {socket.fd(), POLLIN, 0};
        if (::poll(&fd, 1, 100) <= 0)
            continue;
        const auto received = socket.receive(buffer);
        if (received.datagram.isEmpty())
            continue;
        if (auto parsed = parseProcConnectorMessage(received.datagram))
            events.append(*parsed);
    }
    return events;
}

bool kernelFilters()
{
    utsname name = {};
    int major = 0, minor = 0;
    return ::uname(&name) == 0 && std::sscanf(name.release, "%d.%d", &major, &minor) == 2
        && (major > 6 || (major == 6 && minor >= 6));
}

} // namespace

class TestProcConnectorSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: older kernels let only CAP_NET_ADMIN subscribe to the proc connector");
    }

    void plainSubscriptionCarriesEveryType()
    {
        ProcConnectorSocket socket;
        auto subscribed = socket.subscribe({});
        QVERIFY2(subscribed, qPrintable(subscribed.error().message));
        QVERIFY(socket.isOpen());
        QVERIFY(subscribed->receiveBufferBytes > 0);
        QCOMPARE(subscribed->filterSentNs, 0u);
        QVERIFY(std::any_of(subscribed->early.cbegin(), subscribed->early.cend(),
                            [](const ProcConnectorEvent &e) { return e.type == Type::Ack && e.ackError == 0; }));

        QProcess child;
        child.start(u"/bin/true"_s, {});
        QVERIFY(child.waitForStarted());
        const qint64 pid = child.processId();
        QVERIFY(child.waitForFinished());
        const auto events = receiveUntil(socket, [pid](const QList<ProcConnectorEvent> &got) {
            return std::any_of(got.cbegin(), got.cend(),
                               [pid](const ProcConnectorEvent &e) { return e.type == Type::Exit && e.tgid == pid; });
        });
        for (const Type type : {Type::Fork, Type::Exec, Type::Exit})
            QVERIFY(std::any_of(events.cbegin(), events.cend(),
                                [&](const ProcConnectorEvent &e) { return e.type == type && e.tgid == pid; }));
        socket.close();
        QVERIFY(!socket.isOpen());
    }

    void narrowedSubscriptionCarriesIdChanges()
    {
        ProcConnectorSocket socket;
        auto subscribed = socket.subscribe({.eventTypes = proc_event::PROC_EVENT_UID | proc_event::PROC_EVENT_GID});
        QVERIFY2(subscribed, qPrintable(subscribed.error().message));
        QVERIFY(subscribed->filterSentNs > 0);

        QProcess child;
        child.start(u"/usr/bin/setpriv"_s,
                    {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, u"/bin/true"_s});
        QVERIFY(child.waitForStarted());
        const qint64 pid = child.processId();
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitCode(), 0);
        // setpriv switches the user ids first (keeping its capabilities), then the group ids.
        const auto events = receiveUntil(socket, [pid](const QList<ProcConnectorEvent> &got) {
            return std::any_of(got.cbegin(), got.cend(),
                               [pid](const ProcConnectorEvent &e) { return e.type == Type::Gid && e.tgid == pid; });
        });
        const auto gid = std::find_if(events.cbegin(), events.cend(), [pid](const ProcConnectorEvent &e) {
            return e.type == Type::Gid && e.tgid == pid;
        });
        QVERIFY(gid != events.cend());
        QCOMPARE(gid->realId, 65534u);
        QCOMPARE(gid->effectiveId, 65534u);
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [pid](const ProcConnectorEvent &e) {
            return e.type == Type::Uid && e.tgid == pid && e.realId == 65534u && e.effectiveId == 65534u;
        }));

        if (!kernelFilters())
            FLIGHT_SKIP("kernel before 6.6: it ignores the event filter (the reader drops the other types itself)");
        for (const ProcConnectorEvent &e : events) {
            const bool wanted = e.type == Type::Uid || e.type == Type::Gid || e.type == Type::Ack;
            QVERIFY2(wanted || e.timestampNs < subscribed->filterSentNs,
                     qPrintable(u"event type 0x%1 of pid %2 came through the filter"_s.arg(e.what, 0, 16).arg(e.tgid)));
        }
    }
};

QTEST_GUILESS_MAIN(TestProcConnectorSocket)
#include "tst_procconnectorsocket.moc"
