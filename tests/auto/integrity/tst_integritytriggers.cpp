// SPDX-License-Identifier: GPL-3.0-or-later
// IntegrityTriggers: which recorded events run which check early (writes to watched paths and package databases,
// utmp, new listeners), and the pending set with its wake-up fd.
#include "integritytriggers.h"

#include <QTest>
#include <poll.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::Integrity;

namespace {

Event file(FileOp op, const QByteArray &path, std::optional<QByteArray> to = std::nullopt)
{
    return {1, 1, FileAccess{{1, 1}, op, path, to, std::nullopt, std::nullopt, std::nullopt}};
}

Event net(NetOp op, Proto proto, std::optional<Endpoint> remote = std::nullopt)
{
    return {1, 1, NetEndpoint{ProcKey{1, 1}, op, proto, {u"0.0.0.0"_s, 22}, remote, std::nullopt}};
}

bool readable(int fd)
{
    pollfd p = {fd, POLLIN, 0};
    return ::poll(&p, 1, 0) == 1;
}

} // namespace

class TestIntegrityTriggers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsTriggerTheirChecks()
    {
        CheckOptions options;
        options.watchedPaths = {u"/boot"_s, u"/home/*/.ssh/authorized_keys"_s};
        const FilesCheck files(options);
        using Set = QSet<QString>;
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/boot/vmlinuz"), files), Set{u"files"_s});
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/home/bob/.ssh/authorized_keys"), files), Set{u"files"_s});
        QCOMPARE(checksTriggeredBy(file(FileOp::Open, "/boot/vmlinuz"), files), Set{}); // reading changes nothing
        QCOMPARE(checksTriggeredBy(file(FileOp::Rename, "/tmp/x", "/boot/x"), files), Set{u"files"_s}); // moved in
        QCOMPARE(checksTriggeredBy(file(FileOp::Delete, "/boot/old"), files), Set{u"files"_s});
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/bootleg"), files), Set{}); // whole components only
        QCOMPARE(checksTriggeredBy(file(FileOp::Rename, "/var/lib/dpkg/status-new", "/var/lib/dpkg/status"), files),
                 Set{u"packages"_s});
        // A configured admin dir (dpkg_admin_dir) instead of /var/lib/dpkg, whole components only.
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/srv/copy/dpkg/status"), files, "/srv/copy/dpkg"),
                 Set{u"packages"_s});
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/var/lib/dpkg/status"), files, "/srv/copy/dpkg"), Set{});
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/srv/copy/dpkg-old/status"), files, "/srv/copy/dpkg"), Set{});
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/run/utmp"), files), Set{u"logins"_s});
        QCOMPARE(checksTriggeredBy(file(FileOp::Rename, "/etc/passwd+", "/etc/passwd"), files), Set{u"accounts"_s});
        QCOMPARE(checksTriggeredBy(file(FileOp::Write, "/etc/group"), files), Set{u"accounts"_s});
        QCOMPARE(checksTriggeredBy(net(NetOp::Listen, Proto::Tcp), files), Set{u"listeners"_s});
        QCOMPARE(checksTriggeredBy(net(NetOp::Close, Proto::Tcp), files), Set{u"listeners"_s});
        QCOMPARE(checksTriggeredBy(net(NetOp::Close, Proto::Tcp, Endpoint{u"10.0.0.1"_s, 5000}), files), Set{});
        QCOMPARE(checksTriggeredBy(net(NetOp::Bind, Proto::Udp), files), Set{u"listeners"_s});
        QCOMPARE(checksTriggeredBy(net(NetOp::Connect, Proto::Tcp, Endpoint{u"10.0.0.1"_s, 443}), files), Set{});
        QCOMPARE(checksTriggeredBy({1, 1, ProcFork{{1, 1}, {0, 0}, {}}}, files), Set{});
    }

    void pendingChecksWakeAndAreTakenOnce()
    {
        CheckOptions options;
        options.watchedPaths = {u"/boot"_s};
        IntegrityTriggers triggers(options);
        QVERIFY(!readable(triggers.wakeFd()));
        triggers.note(file(FileOp::Write, "/boot/x"));
        triggers.trigger({u"bpf"_s});
        QVERIFY(readable(triggers.wakeFd()));
        QCOMPARE(triggers.take(), (QSet<QString>{u"files"_s, u"bpf"_s}));
        QVERIFY(!readable(triggers.wakeFd()));
        QCOMPARE(triggers.take(), QSet<QString>{});
    }
};

QTEST_GUILESS_MAIN(TestIntegrityTriggers)
#include "tst_integritytriggers.moc"
