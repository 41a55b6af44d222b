// SPDX-License-Identifier: GPL-3.0-or-later
// The config file: every key, its defaults, and a "file:line: key: reason" error for every kind of bad line.
#include "config.h"
#include "integritycheck.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Recorder;

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        auto config = parseConfig("# nothing but a comment\n\n", u"f.conf"_s);
        QVERIFY(config);
        QCOMPARE(config->outbox, u"/var/lib/flightrec/outbox"_s);
        QCOMPARE(config->sealIntervalSeconds, 300);
        QCOMPARE(config->procBackend, u"auto"_s);
        QCOMPARE(config->scope, u"host"_s);
        QCOMPARE(config->environment, (QStringList{u"SSH_CONNECTION"_s, u"SUDO_USER"_s, u"LD_PRELOAD"_s}));
        QCOMPARE(config->digest.size(), 64);
    }

    void everyKey()
    {
        const QByteArray text
            = "key = /k/host.key\noutbox=/o\n journal = /j \nseal_interval = 2m\nseal_size = 4MiB\n"
              "retention_age = 7d\nretention_size = 1GiB\nheartbeat_interval = 30s\nqueue_events = 1000\n"
              "ring_buffer = 16MiB\npoll_interval = 250ms\nproc_backend = netlink\n"
              "environment = SSH_CONNECTION  HTTP_PROXY\nexe_digest = no\npackage_verify = yes\nscope = namespace\n"
              "file_backend = fanotify\ndpkg_admin_dir = /srv/copy/dpkg\n";
        auto c = parseConfig(text, u"f.conf"_s);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->keyPath, u"/k/host.key"_s);
        QCOMPARE(c->outbox, u"/o"_s);
        QCOMPARE(c->journal, u"/j"_s);
        QCOMPARE(c->sealIntervalSeconds, 120);
        QCOMPARE(c->sealBytes, 4 << 20);
        QCOMPARE(c->retentionSeconds, 7 * 86400);
        QCOMPARE(c->retentionBytes, 1LL << 30);
        QCOMPARE(c->heartbeatSeconds, 30);
        QCOMPARE(c->queueEvents, 1000);
        QCOMPARE(c->ringBufferBytes, 16 << 20);
        QCOMPARE(c->pollIntervalMs, 250);
        QCOMPARE(c->procBackend, u"netlink"_s);
        QCOMPARE(c->fileBackend, u"fanotify"_s);
        QCOMPARE(c->environment, (QStringList{u"SSH_CONNECTION"_s, u"HTTP_PROXY"_s}));
        QCOMPARE(c->exeDigest, false);
        QCOMPARE(c->packageVerify, true);
        QCOMPARE(c->dpkgAdminDir, u"/srv/copy/dpkg"_s);
        QCOMPARE(c->scope, u"namespace"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown key") << QByteArray("outbox = /o\nsael_size = 1MiB\n")
                                     << u"f.conf:2: sael_size: unknown key"_s;
        QTest::newRow("no equals") << QByteArray("outbox /o\n") << u"f.conf:1: expected 'key = value'"_s;
        QTest::newRow("relative path") << QByteArray("outbox = var/o\n")
                                       << u"f.conf:1: outbox: 'var/o' is not an absolute path"_s;
        QTest::newRow("bad duration")
            << QByteArray("\n\nseal_interval = 5 minutes\n")
            << u"f.conf:3: seal_interval: '5 minutes' is not a positive duration (e.g. 300s, 5m)"_s;
        QTest::newRow("zero size") << QByteArray("seal_size = 0\n")
                                   << u"f.conf:1: seal_size: '0' is not a positive size (e.g. 16MiB)"_s;
        QTest::newRow("bad unit") << QByteArray("seal_size = 16MB\n")
                                  << u"f.conf:1: seal_size: '16MB' is not a positive size (e.g. 16MiB)"_s;
        QTest::newRow("bad backend") << QByteArray("proc_backend = audit\n")
                                     << u"f.conf:1: proc_backend: 'audit' is not one of auto, ebpf, netlink, poll"_s;
        QTest::newRow("bad file backend")
            << QByteArray("file_backend = inotify\n")
            << u"f.conf:1: file_backend: 'inotify' is not one of auto, ebpf, fanotify, fdscan"_s;
        QTest::newRow("bad scope") << QByteArray("scope = container\n")
                                   << u"f.conf:1: scope: 'container' is not host or namespace"_s;
        QTest::newRow("bad env name") << QByteArray("environment = A B-C\n")
                                      << u"f.conf:1: environment: 'B-C' is not an environment variable name"_s;
        QTest::newRow("bad bool") << QByteArray("exe_digest = true\n")
                                  << u"f.conf:1: exe_digest: 'true' is not yes or no"_s;
        QTest::newRow("relative file prefix")
            << QByteArray("file_exclude = /proc tmp\n") << u"f.conf:1: file_exclude: 'tmp' is not an absolute path"_s;
        QTest::newRow("bad window")
            << QByteArray("file_aggregate_window = 2m\n")
            << u"f.conf:1: file_aggregate_window: '2m' is not an interval in ms or s (e.g. 2s, 500ms, 0)"_s;
        QTest::newRow("bad alert sink")
            << QByteArray("alert_sinks = syslog mail\n")
            << u"f.conf:1: alert_sinks: 'mail' is not syslog, wall, command (or none alone)"_s;
        QTest::newRow("relative alert command")
            << QByteArray("alert_command = page-oncall --now\n")
            << u"f.conf:1: alert_command: 'page-oncall --now' does not start with an absolute path to a program"_s;
        QTest::newRow("command sink without command")
            << QByteArray("alert_sinks = command\n") << u"f.conf:1: alert_sinks: 'command' needs alert_command"_s;
        QTest::newRow("bad severity") << QByteArray("alert_severity = critical\n")
                                      << u"f.conf:1: alert_severity: 'critical' is not low, medium or high"_s;
        QTest::newRow("bad recipient") << QByteArray("recipient = ed25519:AAAA\n")
                                       << u"f.conf:1: recipient: 'ed25519:AAAA' is not an X25519 public key"_s;
    }
    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        auto config = parseConfig(text, u"f.conf"_s);
        QVERIFY(!config);
        QVERIFY2(config.error().message.startsWith(error), qPrintable(config.error().message));
    }

    // installer/flightrec.conf documents every key with its default, commented out. Uncommented, it must parse and
    // give exactly the built-in defaults, so the documentation cannot drift from the code.
    void shippedConfigDocumentsTheDefaults()
    {
        QFile file(QStringLiteral(FLIGHT_SOURCE_DIR "/installer/flightrec.conf"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray uncommented;
        int keys = 0;
        static const QRegularExpression setting(u"^# ([a-z_]+ = \\S.*)$"_s);
        for (const QByteArray &line : file.readAll().split('\n')) {
            const auto match = setting.match(QString::fromUtf8(line));
            uncommented += (match.hasMatch() ? match.captured(1).toUtf8() : line) + '\n';
            keys += match.hasMatch() ? 1 : 0;
        }
        auto documented = parseConfig(uncommented, file.fileName());
        QVERIFY2(documented, qPrintable(documented ? QString() : documented.error().message));
        QCOMPARE(keys, 34); // every key but 'recipient', 'alert_command' and 'push_to', which have no default
        const Config defaults;
        QCOMPARE(documented->keyPath, defaults.keyPath);
        QCOMPARE(documented->scope, defaults.scope);
        QCOMPARE(documented->outbox, defaults.outbox);
        QCOMPARE(documented->pushKey, defaults.pushKey);
        QCOMPARE(documented->pushKnownHosts, defaults.pushKnownHosts);
        QCOMPARE(documented->pushIntervalSeconds, defaults.pushIntervalSeconds);
        QCOMPARE(documented->pushTimeoutSeconds, defaults.pushTimeoutSeconds);
        QCOMPARE(documented->journal, defaults.journal);
        QCOMPARE(documented->sealIntervalSeconds, defaults.sealIntervalSeconds);
        QCOMPARE(documented->sealBytes, defaults.sealBytes);
        QCOMPARE(documented->retentionSeconds, defaults.retentionSeconds);
        QCOMPARE(documented->retentionBytes, defaults.retentionBytes);
        QCOMPARE(documented->heartbeatSeconds, defaults.heartbeatSeconds);
        QCOMPARE(documented->queueEvents, defaults.queueEvents);
        QCOMPARE(documented->procBackend, defaults.procBackend);
        QCOMPARE(documented->ringBufferBytes, defaults.ringBufferBytes);
        QCOMPARE(documented->pollIntervalMs, defaults.pollIntervalMs);
        QCOMPARE(documented->environment, defaults.environment);
        QCOMPARE(documented->exeDigest, defaults.exeDigest);
        QCOMPARE(documented->dpkgAdminDir, defaults.dpkgAdminDir);
        QCOMPARE(documented->fileCapture, defaults.fileCapture);
        QCOMPARE(documented->fileInclude, defaults.fileInclude);
        QCOMPARE(documented->integrity, defaults.integrity);
        QCOMPARE(documented->integrityIntervalSeconds, defaults.integrityIntervalSeconds);
        QCOMPARE(documented->integritySweepSeconds, defaults.integritySweepSeconds);
        QCOMPARE(documented->packageVerify, defaults.packageVerify);
        QCOMPARE(defaults.packageVerify, false); // opt-in: it reads every package file
        QCOMPARE(documented->watchPaths, std::optional(Flight::Integrity::defaultWatchedPaths()));
        QCOMPARE(documented->alertSinks, defaults.alertSinks);
        QCOMPARE(documented->alertSeverity, defaults.alertSeverity);
        QCOMPARE(documented->fileExclude, defaults.fileExclude);
        QCOMPARE(documented->fileAggregateMs, defaults.fileAggregateMs);
        QCOMPARE(documented->fileIgnoreRepeats, defaults.fileIgnoreRepeats);
        QCOMPARE(defaults.fileIgnoreRepeats, false); // opt-in: it trades other processes' opens for speed
        QVERIFY(!documented->recipient);
    }

    void missingFile()
    {
        QVERIFY(loadConfig(u"/nonexistent/flightrec.conf"_s, false));
        auto required = loadConfig(u"/nonexistent/flightrec.conf"_s, true);
        QVERIFY(!required);
        QVERIFY(required.error().message.startsWith(u"/nonexistent/flightrec.conf: cannot read"_s));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
