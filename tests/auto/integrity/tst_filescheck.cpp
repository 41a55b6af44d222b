// SPDX-License-Identifier: GPL-3.0-or-later
// The files check on a fixture host tree: the default watched paths (missing ones included), attributes, links
// not followed, patterns, bounds, odd files; and changes under /boot, in authorized_keys and in a watched directory
// showing as high-severity state changes.
#include "digest.h"
#include "filescheck.h"
#include "fixtureroot.h"
#include "statediff.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::AttrValue;
using Flight::Format::Severity;
using Flight::Format::StateItem;

namespace {

const StateItem *find(const QList<StateItem> &items, const QString &id)
{
    const auto it = std::find_if(items.cbegin(), items.cend(), [&](const StateItem &i) { return i.id == id; });
    return it == items.cend() ? nullptr : &*it;
}

QString hash(const QByteArray &content)
{
    return Flight::Format::Blake2b256::hexHash(content);
}

} // namespace

class TestFilesCheck : public QObject
{
    Q_OBJECT

    FixtureRoot m_root;

    CheckOptions options(QStringList watched = defaultWatchedPaths()) const
    {
        CheckOptions o;
        o.root = m_root.path();
        o.watchedPaths = std::move(watched);
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(m_root.write(u"/boot/vmlinuz-6.1.0-17-amd64"_s, "kernel image"));
        QVERIFY(m_root.write(u"/boot/grub/grub.cfg"_s, "set default=0\n"));
        QVERIFY(m_root.write(u"/etc/passwd"_s, "root:x:0:0:root:/root:/bin/bash\n",
                             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(m_root.write(u"/etc/shadow"_s, "root:*:19000:0:99999:7:::\n",
                             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QVERIFY(m_root.write(u"/etc/sudoers.d/README"_s, "# sudoers drop-ins\n"));
        QVERIFY(m_root.write(u"/home/alice/.ssh/authorized_keys"_s, "ssh-ed25519 AAAAC3 alice@laptop\n"));
        QVERIFY(m_root.mkdir(u"/home/bob"_s)); // no authorized_keys: no item, not missing
        QVERIFY(m_root.mkdir(u"/etc/cron.d"_s));
        QVERIFY(QFile::link(u"/etc/passwd"_s, m_root.hostPath(u"/etc/cron.d/evil"_s)));
        QVERIFY(m_root.write(u"/srv/watched/app.conf"_s, "port=80\n"));
    }

    void defaultPathsOnAHostTree()
    {
        FilesCheck check(options());
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QVERIFY(!check.truncated());

        const StateItem *shadow = find(*items, u"/etc/shadow"_s);
        QVERIFY(shadow);
        struct stat st = {};
        QCOMPARE(::lstat(QFile::encodeName(m_root.hostPath(u"/etc/shadow"_s)).constData(), &st), 0);
        QCOMPARE(*shadow,
                 (StateItem{u"/etc/shadow"_s,
                            {{u"kind"_s, u"file"_s},
                             {u"digest"_s, hash("root:*:19000:0:99999:7:::\n")},
                             {u"size"_s, qint64(26)},
                             {u"mode"_s, u"0640"_s},
                             {u"uid"_s, qint64(st.st_uid)},
                             {u"gid"_s, qint64(st.st_gid)},
                             {u"mtime_ts"_s, qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec}}}));
        QCOMPARE(find(*items, u"/boot/grub"_s)->attrs.value(u"kind"_s), AttrValue(u"dir"_s));
        QVERIFY(find(*items, u"/boot/grub/grub.cfg"_s));
        QVERIFY(find(*items, u"/home/alice/.ssh/authorized_keys"_s));
        QVERIFY(!find(*items, u"/home/bob/.ssh/authorized_keys"_s));
        // Watched paths that do not exist are one `missing` item each, with nothing else.
        QCOMPARE(*find(*items, u"/etc/ld.so.preload"_s),
                 (StateItem{u"/etc/ld.so.preload"_s, {{u"kind"_s, u"missing"_s}}}));
        QVERIFY(find(*items, u"/var/spool/cron"_s));
        // A link is not followed: its item is the link, digested by its target text.
        const StateItem *link = find(*items, u"/etc/cron.d/evil"_s);
        QVERIFY(link);
        QCOMPARE(link->attrs.value(u"kind"_s), AttrValue(u"link"_s));
        QCOMPARE(link->attrs.value(u"digest"_s), AttrValue(hash("/etc/passwd")));
        QVERIFY(std::is_sorted(items->cbegin(), items->cend(),
                               [](const StateItem &a, const StateItem &b) { return a.id < b.id; }));
    }

    void changesAreHighSeverity()
    {
        FilesCheck check(options(defaultWatchedPaths() << u"/srv/watched"_s));
        const auto before = check.observe();
        QVERIFY(before);

        QVERIFY(m_root.write(u"/boot/vmlinuz-6.1.0-17-amd64"_s, "backdoored kernel image"));
        QVERIFY(m_root.append(u"/home/alice/.ssh/authorized_keys"_s, "ssh-rsa AAAAB3 attacker@evil\n"));
        QVERIFY(m_root.write(u"/srv/watched/app.conf"_s, "port=8080\n"));
        QVERIFY(m_root.write(u"/srv/watched/new.conf"_s, "x\n"));
        QVERIFY(m_root.write(u"/etc/ld.so.preload"_s, "/tmp/libevil.so\n"));
        QVERIFY(QFile::remove(m_root.hostPath(u"/etc/sudoers.d/README"_s)));
        const auto after = check.observe();
        QVERIFY(after);

        const auto change = diffState(check.name(), *before, *after);
        QVERIFY(change);
        QCOMPARE(change->severity, Severity::High);
        QStringList changed;
        for (const auto &c : change->changed)
            changed.append(c.id);
        QCOMPARE(changed,
                 (QStringList{u"/boot/vmlinuz-6.1.0-17-amd64"_s, u"/etc/ld.so.preload"_s,
                              u"/home/alice/.ssh/authorized_keys"_s, u"/srv/watched/app.conf"_s}));
        const auto &kernel = change->changed[0];
        QCOMPARE(kernel.before.attrs.value(u"digest"_s), AttrValue(hash("kernel image")));
        QCOMPARE(kernel.after.attrs.value(u"digest"_s), AttrValue(hash("backdoored kernel image")));
        QCOMPARE(change->changed[1].before.attrs.value(u"kind"_s), AttrValue(u"missing"_s));
        QCOMPARE(change->changed[1].after.attrs.value(u"kind"_s), AttrValue(u"file"_s));
        QCOMPARE(change->added.size(), 1);
        QCOMPARE(change->added[0].id, u"/srv/watched/new.conf"_s);
        QCOMPARE(change->removed.size(), 1);
        QCOMPARE(change->removed[0].id, u"/etc/sudoers.d/README"_s);

        // Nothing changed since: no change, and the cached digests are the same.
        const auto again = check.observe();
        QVERIFY(again);
        QVERIFY(!diffState(check.name(), *after, *again));
    }

    void watches()
    {
        FilesCheck check(options());
        QVERIFY(check.watches("/boot/efi/EFI/debian/grubx64.efi"));
        QVERIFY(check.watches("/etc/passwd"));
        QVERIFY(check.watches("/home/carol/.ssh/authorized_keys"));
        QVERIFY(!check.watches("/home/carol/.ssh/known_hosts"));
        QVERIFY(!check.watches("/etc/passwd-"));
        QVERIFY(!check.watches("/etc"));
        QVERIFY(!check.watches("/tmp/x"));
    }

    void boundsAndOddFiles()
    {
        FixtureRoot root;
        QVERIFY(root.write(u"/w/a/b/c/deep"_s, "deep"));
        QVERIFY(root.write(u"/w/big"_s, QByteArray(4096, 'x')));
        QCOMPARE(::mkfifo(QFile::encodeName(root.hostPath(u"/w/fifo"_s)).constData(), 0600), 0);
        const QByteArray oddName = QFile::encodeName(root.hostPath(u"/w/"_s)) + "bad\xff\x01name";
        QVERIFY(::close(::open(oddName.constData(), O_CREAT | O_WRONLY, 0600)) == 0);

        CheckOptions o;
        o.root = root.path();
        o.watchedPaths = {u"/w"_s, u"relative/ignored"_s};
        o.maxFileBytes = 1024;
        o.maxWatchedDepth = 2;
        FilesCheck check(o);
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QVERIFY(!check.truncated());
        QVERIFY(find(*items, u"/w/a/b"_s)); // depth 2 is listed, not entered
        QVERIFY(!find(*items, u"/w/a/b/c"_s));
        const StateItem *big = find(*items, u"/w/big"_s);
        QVERIFY(big && !big->attrs.contains(u"digest"_s) && big->attrs.value(u"size"_s) == AttrValue(qint64(4096)));
        const StateItem *fifo = find(*items, u"/w/fifo"_s); // never opened for reading: would block
        QVERIFY(fifo && fifo->attrs.value(u"kind"_s) == AttrValue(u"file"_s) && !fifo->attrs.contains(u"digest"_s));
        QVERIFY(find(*items, u"/w/bad\\xff\\x01name"_s));

        o.maxWatchedEntries = 3;
        FilesCheck bounded(o);
        const auto few = bounded.observe();
        QVERIFY(few);
        QCOMPARE(few->size(), 3);
        QVERIFY(bounded.truncated());
    }
};

QTEST_GUILESS_MAIN(TestFilesCheck)
#include "tst_filescheck.moc"
