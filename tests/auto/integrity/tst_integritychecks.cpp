// SPDX-License-Identifier: GPL-3.0-or-later
// The checks together: the factory, every check on an empty and on a populated fixture host, attributes exactly
// those FORMAT.md §2.4 defines per check, and snapshots and changes that round-trip through the event codec.
#include "eventcodec.h"
#include "fixtureroot.h"
#include "integritycheck.h"
#include "statediff.h"

#include <cstring>
#include <utmp.h>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using namespace Flight::Format;

namespace {

const QMap<QString, QStringList> &formatAttributes()
{
    static const QMap<QString, QStringList> attributes{
        {u"packages"_s, {u"name"_s, u"version"_s, u"arch"_s, u"source"_s}},
        {u"packagefiles"_s, {u"version"_s, u"mismatches"_s, u"files"_s}},
        {u"modules"_s, {u"size"_s, u"refcount"_s, u"state"_s, u"file"_s, u"digest"_s}},
        {u"bpf"_s, {u"type"_s, u"name"_s, u"tag"_s, u"loaded_ts"_s, u"uid"_s, u"map_ids"_s, u"own"_s}},
        {u"files"_s, {u"digest"_s, u"size"_s, u"mode"_s, u"uid"_s, u"gid"_s, u"mtime_ts"_s, u"kind"_s}},
        {u"logins"_s, {u"user"_s, u"tty"_s, u"host"_s, u"login_ts"_s, u"pid"_s}},
        {u"accounts"_s, {u"name"_s, u"gid"_s, u"home"_s, u"shell"_s, u"members"_s, u"aliases"_s}},
        {u"listeners"_s, {u"proto"_s, u"addr"_s, u"port"_s, u"pid"_s, u"start"_s, u"comm"_s}}};
    return attributes;
}

void populate(const FixtureRoot &root)
{
    QVERIFY(root.write(u"/var/lib/dpkg/status"_s, fixture("dpkg-status-debian")));
    QVERIFY(root.write(u"/proc/modules"_s, fixture("proc-modules-rhel")));
    QVERIFY(root.write(u"/proc/sys/kernel/osrelease"_s, "5.14.0-427.13.1.el9_4.x86_64\n"));
    QVERIFY(root.write(u"/proc/net/tcp"_s, fixture("proc-net-tcp")));
    QVERIFY(root.write(u"/proc/net/udp6"_s, fixture("proc-net-udp6")));
    QVERIFY(root.write(u"/boot/vmlinuz"_s, "kernel"));
    QVERIFY(root.write(u"/etc/passwd"_s, "root:x:0:0::/root:/bin/sh\n"));
    struct utmp u = {};
    u.ut_type = USER_PROCESS;
    u.ut_pid = 42;
    std::strcpy(u.ut_user, "root");
    std::strcpy(u.ut_line, "tty1");
    QVERIFY(root.write(u"/var/run/utmp"_s, QByteArray(reinterpret_cast<const char *>(&u), sizeof u)));
}

} // namespace

class TestIntegrityChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factory()
    {
        CheckOptions all;
        all.packageFiles = true; // opt-in
        const auto checks = makeChecks(all);
        QStringList names;
        for (const auto &check : checks)
            names.append(check->name());
        QCOMPARE(names, checkNames());
        for (const QString &name : names)
            QVERIFY2(
                isKnownCheck(name),
                qPrintable(name + u": not a check the format library knows (collector/format/event.cpp kChecks)"_s));
        QVERIFY(!makeCheck(u"dmesg"_s, CheckOptions{}));
    }

    void emptyHost()
    {
        FixtureRoot root;
        CheckOptions options;
        options.root = root.path();
        for (const auto &check : makeChecks(options)) {
            const auto items = check->observe();
            QVERIFY2(items, qPrintable(check->name() + u": "_s + items.error().message));
            if (check->name() == u"files"_s) {
                // every literal default path is missing; the authorized_keys pattern matches nothing
                QCOMPARE(items->size(), defaultWatchedPaths().size() - 1);
                for (const StateItem &item : *items)
                    QCOMPARE(item.attrs, (QMap<QString, AttrValue>{{u"kind"_s, u"missing"_s}}));
            } else if (check->name() != u"bpf"_s) {
                QVERIFY2(items->isEmpty(), qPrintable(check->name()));
            }
        }
    }

    void itemsFollowFormatAndRoundTrip()
    {
        FixtureRoot root;
        populate(root);
        CheckOptions options;
        options.root = root.path();
        for (const auto &check : makeChecks(options)) {
            const auto items = check->observe();
            QVERIFY2(items, qPrintable(check->name() + u": "_s + items.error().message));
            if (check->name() != u"bpf"_s) // the kernel's programs: possibly none
                QVERIFY2(!items->isEmpty(), qPrintable(check->name()));
            const QStringList allowed = formatAttributes().value(check->name());
            for (const StateItem &item : *items) {
                QVERIFY(!item.id.isEmpty());
                for (auto it = item.attrs.cbegin(); it != item.attrs.cend(); ++it)
                    QVERIFY2(allowed.contains(it.key()), qPrintable(check->name() + u": "_s + it.key()));
            }
            const Event snapshot{1'700'000'000'000'000'000LL, 5'000'000'000LL, StateSnapshot{check->name(), *items}};
            QByteArray line = encodeEvent(snapshot);
            QVERIFY(line.endsWith('\n'));
            line.chop(1);
            const auto decoded = decodeEvent(line);
            QVERIFY2(decoded, qPrintable(check->name() + u": "_s + decoded.error().message));
            QCOMPARE(*decoded, snapshot);
            if (items->isEmpty())
                continue;
            // Removing everything is a change the format accepts too.
            const auto change = diffState(check->name(), *items, {});
            QVERIFY(change);
            QByteArray changeLine = encodeEvent(Event{1, 1, *change});
            changeLine.chop(1);
            const auto decodedChange = decodeEvent(changeLine);
            QVERIFY2(decodedChange, qPrintable(decodedChange.error().message));
            QCOMPARE(std::get<StateChange>(decodedChange->body), *change);
        }
    }
};

QTEST_GUILESS_MAIN(TestIntegrityChecks)
#include "tst_integritychecks.moc"
