// SPDX-License-Identifier: GPL-3.0-or-later
// The collector's configuration (/etc/flightrec/flightrec.conf, documented in installer/flightrec.conf): "key =
// value" lines, '#' comments. Every key has a default; an unknown key or a bad value is an error
// "file:line: key: reason" that stops start-up (exit 2).
#pragma once

#include "expected.h"
#include "pushdestination.h"
#include "keys.h"

#include <QStringList>
#include <optional>

namespace Flight::Recorder {

struct Config
{
    QString keyPath = QStringLiteral("/etc/flightrec/host.key");
    QString outbox = QStringLiteral("/var/lib/flightrec/outbox");
    QString journal = QStringLiteral("/var/lib/flightrec/journal");
    qint64 sealIntervalSeconds = 300;
    qint64 sealBytes = 16LL * 1024 * 1024;
    qint64 retentionSeconds = 30LL * 24 * 3600;
    qint64 retentionBytes = 2LL * 1024 * 1024 * 1024;
    qint64 heartbeatSeconds = 60;
    qint64 queueEvents = 65536;
    QString procBackend = QStringLiteral("auto"); // auto, ebpf, netlink, poll
    QString scope = QStringLiteral("host"); // host, or namespace: only the collector's own pid namespace
    qint64 ringBufferBytes = 8LL * 1024 * 1024;
    qint64 pollIntervalMs = 100;
    QStringList environment{QStringLiteral("SSH_CONNECTION"), QStringLiteral("SUDO_USER"),
                            QStringLiteral("LD_PRELOAD")};
    bool exeDigest = true;
    bool fileCapture = true;
    QString fileBackend = QStringLiteral("auto"); // auto (ebpf, then fanotify, then fdscan), ebpf, fanotify, fdscan
    QStringList fileInclude{QStringLiteral("/dev/shm")};
    QStringList fileExclude{QStringLiteral("/proc"), QStringLiteral("/sys"), QStringLiteral("/dev")};
    qint64 fileAggregateMs = 2000; // 0: every access is its own event
    bool fileIgnoreRepeats = false; // FanotifyOptions::ignoreRepeats
    bool netCapture = true;
    bool integrity = true;
    qint64 integrityIntervalSeconds = 10; // modules, bpf, logins, accounts, listeners
    qint64 integritySweepSeconds = 600; // files, packages, packagefiles
    bool packageVerify = false; // the packagefiles check: dpkg package files against their md5sums
    QString dpkgAdminDir = QStringLiteral("/var/lib/dpkg"); // dpkg's --admindir: its status file and info/
    std::optional<QStringList> watchPaths; // nullopt: the integrity checks' defaults (defaultWatchedPaths())
    QStringList alertSinks{QStringLiteral("syslog")}; // of syslog, wall, command; empty: no alerts
    QStringList alertCommand; // argv for the command sink
    QString alertSeverity = QStringLiteral("high"); // low, medium, high: the least severe change that alerts
    std::optional<Format::RecipientKey> recipient;
    std::optional<PushDestination> pushTo; // nullopt: the daemon does not push (a workstation pulls)
    QString pushKey = QStringLiteral("/etc/flightrec/push.key");
    QString pushKnownHosts = QStringLiteral("/etc/flightrec/push_known_hosts");
    qint64 pushIntervalSeconds = 300;
    qint64 pushTimeoutSeconds = 30;
    QString digest; // BLAKE2b-256 hex of the file's bytes, empty for built-in defaults
};

// Parses `content`; `fileName` names the file in errors.
Expected<Config> parseConfig(QByteArrayView content, const QString &fileName);
// Reads and parses a file; a missing file is an error only when `mustExist`.
Expected<Config> loadConfig(const QString &path, bool mustExist);

// "90", "90s", "15m", "2h", "30d" -> seconds; nullopt when malformed.
std::optional<qint64> parseDuration(QStringView text);
// "4096", "64KiB", "16MiB", "2GiB" -> bytes; nullopt when malformed.
std::optional<qint64> parseSize(QStringView text);

} // namespace Flight::Recorder
