// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec record on the live system (root) with the integrity checks: while it records, this test installs and
// removes a small .deb it built (dpkg-deb), loads a BPF socket filter and closes it, changes a file in a watched
// directory and in a fixture /boot, and adds a key to a fixture authorized_keys. Each must appear as a state.change
// with the right item and severity, and the command alert sink must receive each high one as its JSON line.
#include "eventcodec.h"
#include "keys.h"
#include "recordsession.h"
#include "skip.h"
#include "socketfilter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

bool writeFile(const QString &path, const QByteArray &content, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile file(path);
    return file.open(mode) && file.write(content) == content.size();
}

bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return ok;
}

// The state.change events of `check` in the archives, in order.
QList<StateChange> changesOf(const QList<Event> &events, const QString &check)
{
    QList<StateChange> found;
    for (const Event &e : events) {
        if (const auto *c = std::get_if<StateChange>(&e.body); c && c->check == check)
            found.append(*c);
    }
    return found;
}

bool anyAdded(const QList<StateChange> &changes, const QString &id, Severity severity)
{
    return std::any_of(changes.cbegin(), changes.cend(), [&](const StateChange &c) {
        return c.severity == severity
            && std::any_of(c.added.cbegin(), c.added.cend(), [&](const StateItem &i) { return i.id == id; });
    });
}

bool anyRemoved(const QList<StateChange> &changes, const QString &id, Severity severity)
{
    return std::any_of(changes.cbegin(), changes.cend(), [&](const StateChange &c) {
        return c.severity == severity
            && std::any_of(c.removed.cbegin(), c.removed.cend(), [&](const StateItem &i) { return i.id == id; });
    });
}

bool anyChanged(const QList<StateChange> &changes, const QString &id, Severity severity, const QString &attribute)
{
    return std::any_of(changes.cbegin(), changes.cend(), [&](const StateChange &c) {
        return c.severity == severity && std::any_of(c.changed.cbegin(), c.changed.cend(), [&](const ItemChange &i) {
                   return i.id == id && i.before.attrs.value(attribute) != i.after.attrs.value(attribute);
               });
    });
}

} // namespace

class TestIntegrityLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("installing a package and loading BPF programs need root");
        QVERIFY(m_temp.isValid());
        QVERIFY(SigningKey::generate().save(m_temp.filePath(u"host.key"_s)));
    }

    void changesAreRecordedAndAlerted()
    {
        // Fixture paths on a real filesystem (file capture triggers the files check at once).
        QTemporaryDir fixture(u"/var/tmp/flightrec-integrity-XXXXXX"_s);
        QVERIFY(fixture.isValid());
        const QString boot = fixture.filePath(u"boot"_s), watched = fixture.filePath(u"watched"_s),
                      keys = fixture.filePath(u"home/alice/.ssh/authorized_keys"_s);
        QVERIFY(QDir().mkpath(boot) && QDir().mkpath(watched) && QDir().mkpath(fixture.filePath(u"home/alice/.ssh"_s)));
        QVERIFY(writeFile(boot + u"/vmlinuz-test"_s, "kernel image v1"));
        QVERIFY(writeFile(watched + u"/app.conf"_s, "setting = 1\n"));
        QVERIFY(writeFile(keys, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown alice@laptop\n"));

        // A package to install: built here with dpkg-deb.
        const QString package = u"flightrec-test-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString tree = m_temp.filePath(u"deb"_s);
        QVERIFY(QDir().mkpath(tree + u"/DEBIAN"_s) && QDir().mkpath(tree + u"/usr/share/"_s + package));
        QVERIFY(writeFile(tree + u"/DEBIAN/control"_s,
                          u"Package: %1\nVersion: 1.0-1\nArchitecture: all\nMaintainer: Flight Recorder tests "
                          "<tests@invalid>\nDescription: integrity test package\n"_s.arg(package)
                              .toUtf8()));
        QVERIFY(writeFile(tree + u"/usr/share/"_s + package + u"/README"_s, "test\n"));
        const QString deb = m_temp.filePath(package + u".deb"_s);
        QString output;
        QVERIFY2(run(u"dpkg-deb"_s, {u"--root-owner-group"_s, u"--build"_s, tree, deb}, &output), qPrintable(output));

        const QString alerts = m_temp.filePath(u"alerts.jsonl"_s);
        RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s),
                              m_temp.filePath(u"out"_s),
                              {u"integrity_interval = 1s"_s, u"integrity_sweep = 2s"_s,
                               u"watch_paths = %1 %2 %3/home/*/.ssh/authorized_keys"_s.arg(boot, watched,
                                                                                          fixture.path()),
                               u"alert_sinks = command"_s,
                               u"alert_command = /bin/sh -c \"cat >> $0\" %1"_s.arg(alerts)});
        QString why;
        QVERIFY2(session.start(120, &why), qPrintable(why));
        QVERIFY2(session.stdErr().contains(u"capturing integrity with checks"_s), qPrintable(session.stdErr()));

        QVERIFY2(run(u"dpkg"_s, {u"-i"_s, deb}, &output), qPrintable(output));
        const int filter = loadSocketFilter("flight_itest");
        QVERIFY2(filter >= 0, "bpf(BPF_PROG_LOAD) failed");
        const QString programId = QString::number(bpfProgramId(filter));
        QVERIFY(writeFile(boot + u"/vmlinuz-test"_s, "kernel image v2, tampered"));
        QVERIFY(writeFile(watched + u"/app.conf"_s, "setting = 2\n"));
        QVERIFY(writeFile(keys, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEvil mallory@evil\n", QIODevice::Append));
        QTest::qWait(3500); // two intervals and more than a sweep: everything above was observed
        ::close(filter);
        QVERIFY2(run(u"dpkg"_s, {u"--purge"_s, package}, &output), qPrintable(output));
        QTest::qWait(3500);
        QCOMPARE(session.stop(), 0);

        QList<Event> events;
        for (const auto &[manifest, archiveEvents] : session.archives())
            events += archiveEvents;
        const QString packageId = package + u":all"_s;
        QVERIFY2(anyAdded(changesOf(events, u"packages"_s), packageId, Severity::High), "no package installed");
        QVERIFY2(anyRemoved(changesOf(events, u"packages"_s), packageId, Severity::High), "no package removed");
        QVERIFY2(anyAdded(changesOf(events, u"bpf"_s), programId, Severity::High), "no BPF program loaded");
        QVERIFY2(anyRemoved(changesOf(events, u"bpf"_s), programId, Severity::High), "no BPF program unloaded");
        const QList<StateChange> files = changesOf(events, u"files"_s);
        QVERIFY2(anyChanged(files, boot + u"/vmlinuz-test"_s, Severity::High, u"digest"_s), "no /boot change");
        QVERIFY2(anyChanged(files, watched + u"/app.conf"_s, Severity::High, u"digest"_s), "no watched change");
        QVERIFY2(anyChanged(files, keys, Severity::High, u"digest"_s), "no authorized_keys change");

        // Every high change reached the command sink, as the very line the archive holds.
        QFile file(alerts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray received = file.readAll();
        for (const Event &e : events) {
            if (const auto *c = std::get_if<StateChange>(&e.body); c && c->severity == Severity::High)
                QVERIFY2(received.contains(encodeEvent(e).trimmed()), qPrintable(c->check));
        }
        QVERIFY(received.contains(packageId.toUtf8()) && received.contains("vmlinuz-test"));
    }

private:
    QTemporaryDir m_temp;
};

QTEST_GUILESS_MAIN(TestIntegrityLive)
#include "tst_integritylive.moc"
