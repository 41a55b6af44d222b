// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "digest.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <functional>
#include <map>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

namespace {

std::optional<qint64> withUnit(QStringView text, const std::map<QString, qint64> &units)
{
    static const QRegularExpression form(u"^([0-9]{1,12})\\s*([A-Za-z]*)$"_s);
    const auto match = form.match(text.toString().trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const auto unit = units.find(match.captured(2));
    if (unit == units.end())
        return std::nullopt;
    return match.captured(1).toLongLong() * unit->second;
}

using Setter = std::function<std::optional<QString>(Config &, const QString &)>; // returns the reason on error

Setter positive(qint64 Config::*field, std::optional<qint64> (*parse)(QStringView), const QString &what)
{
    return [=](Config &c, const QString &v) -> std::optional<QString> {
        const auto n = parse(v);
        if (!n || *n <= 0)
            return u"'%1' is not a positive %2"_s.arg(v, what);
        c.*field = *n;
        return std::nullopt;
    };
}

Setter path(QString Config::*field)
{
    return [=](Config &c, const QString &v) -> std::optional<QString> {
        if (!v.startsWith(u'/'))
            return u"'%1' is not an absolute path"_s.arg(v);
        c.*field = v;
        return std::nullopt;
    };
}

Setter yesNo(bool Config::*field)
{
    return [=](Config &c, const QString &v) -> std::optional<QString> {
        if (v != "yes"_L1 && v != "no"_L1)
            return u"'%1' is not yes or no"_s.arg(v);
        c.*field = v == "yes"_L1;
        return std::nullopt;
    };
}

// Absolute paths separated by spaces (a path with a space cannot be named: prefixes rarely need one).
std::optional<QString> absolutePaths(const QString &v, QStringList &paths)
{
    paths = v.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    for (const QString &p : paths) {
        if (!p.startsWith(u'/'))
            return u"'%1' is not an absolute path"_s.arg(p);
    }
    return std::nullopt;
}

Setter pathList(QStringList Config::*field)
{
    return [=](Config &c, const QString &v) { return absolutePaths(v, c.*field); };
}

std::optional<qint64> plainNumber(QStringView text)
{
    return withUnit(text, {{QString(), 1}});
}
std::optional<qint64> milliseconds(QStringView text)
{
    return withUnit(text, {{QString(), 1}, {u"ms"_s, 1}, {u"s"_s, 1000}});
}

const std::map<QString, Setter> &setters()
{
    static const std::map<QString, Setter> table{
        {u"key"_s, path(&Config::keyPath)},
        {u"outbox"_s, path(&Config::outbox)},
        {u"journal"_s, path(&Config::journal)},
        {u"seal_interval"_s, positive(&Config::sealIntervalSeconds, parseDuration, u"duration (e.g. 300s, 5m)"_s)},
        {u"seal_size"_s, positive(&Config::sealBytes, parseSize, u"size (e.g. 16MiB)"_s)},
        {u"retention_age"_s, positive(&Config::retentionSeconds, parseDuration, u"duration (e.g. 30d)"_s)},
        {u"retention_size"_s, positive(&Config::retentionBytes, parseSize, u"size (e.g. 2GiB)"_s)},
        {u"heartbeat_interval"_s, positive(&Config::heartbeatSeconds, parseDuration, u"duration (e.g. 60s)"_s)},
        {u"queue_events"_s, positive(&Config::queueEvents, plainNumber, u"number"_s)},
        {u"ring_buffer"_s, positive(&Config::ringBufferBytes, parseSize, u"size (e.g. 8MiB)"_s)},
        {u"poll_interval"_s, positive(&Config::pollIntervalMs, milliseconds, u"interval in ms (e.g. 100ms)"_s)},
        {u"proc_backend"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             if (!QStringList{u"auto"_s, u"ebpf"_s, u"netlink"_s, u"poll"_s}.contains(v))
                 return u"'%1' is not one of auto, ebpf, netlink, poll"_s.arg(v);
             c.procBackend = v;
             return std::nullopt;
         }},
        {u"scope"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             if (!QStringList{u"host"_s, u"namespace"_s}.contains(v))
                 return u"'%1' is not host or namespace"_s.arg(v);
             c.scope = v;
             return std::nullopt;
         }},
        {u"environment"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
             const QStringList names = v.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
             for (const QString &n : names) {
                 if (!name.match(n).hasMatch())
                     return u"'%1' is not an environment variable name"_s.arg(n);
             }
             c.environment = names;
             return std::nullopt;
         }},
        {u"exe_digest"_s, yesNo(&Config::exeDigest)},
        {u"file_capture"_s, yesNo(&Config::fileCapture)},
        {u"file_backend"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             if (!QStringList{u"auto"_s, u"ebpf"_s, u"fanotify"_s, u"fdscan"_s}.contains(v))
                 return u"'%1' is not one of auto, ebpf, fanotify, fdscan"_s.arg(v);
             c.fileBackend = v;
             return std::nullopt;
         }},
        {u"file_include"_s, pathList(&Config::fileInclude)},
        {u"file_exclude"_s, pathList(&Config::fileExclude)},
        {u"file_ignore_repeats"_s, yesNo(&Config::fileIgnoreRepeats)},
        {u"file_aggregate_window"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             const auto ms = milliseconds(v);
             if (!ms)
                 return u"'%1' is not an interval in ms or s (e.g. 2s, 500ms, 0)"_s.arg(v);
             c.fileAggregateMs = *ms;
             return std::nullopt;
         }},
        {u"net_capture"_s, yesNo(&Config::netCapture)},
        {u"integrity"_s, yesNo(&Config::integrity)},
        {u"integrity_interval"_s, positive(&Config::integrityIntervalSeconds, parseDuration, u"duration (e.g. 10s)"_s)},
        {u"integrity_sweep"_s, positive(&Config::integritySweepSeconds, parseDuration, u"duration (e.g. 10m)"_s)},
        {u"package_verify"_s, yesNo(&Config::packageVerify)},
        {u"dpkg_admin_dir"_s, path(&Config::dpkgAdminDir)},
        {u"watch_paths"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             QStringList paths;
             if (auto reason = absolutePaths(v, paths))
                 return reason;
             c.watchPaths = paths;
             return std::nullopt;
         }},
        {u"alert_sinks"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             QStringList sinks = v.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
             if (sinks == QStringList{u"none"_s})
                 sinks.clear();
             for (const QString &sink : sinks) {
                 if (!QStringList{u"syslog"_s, u"wall"_s, u"command"_s}.contains(sink))
                     return u"'%1' is not syslog, wall, command (or none alone)"_s.arg(sink);
             }
             sinks.removeDuplicates();
             c.alertSinks = sinks;
             return std::nullopt;
         }},
        {u"alert_command"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             const QStringList argv = QProcess::splitCommand(v);
             if (argv.isEmpty() || !argv.first().startsWith(u'/'))
                 return u"'%1' does not start with an absolute path to a program"_s.arg(v);
             c.alertCommand = argv;
             return std::nullopt;
         }},
        {u"alert_severity"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             if (!QStringList{u"low"_s, u"medium"_s, u"high"_s}.contains(v))
                 return u"'%1' is not low, medium or high"_s.arg(v);
             c.alertSeverity = v;
             return std::nullopt;
         }},
        {u"push_to"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             auto destination = parsePushDestination(v);
             if (!destination)
                 return destination.error().message;
             c.pushTo = *destination;
             return std::nullopt;
         }},
        {u"push_key"_s, path(&Config::pushKey)},
        {u"push_known_hosts"_s, path(&Config::pushKnownHosts)},
        {u"push_interval"_s, positive(&Config::pushIntervalSeconds, parseDuration, u"duration (e.g. 5m)"_s)},
        {u"push_timeout"_s, positive(&Config::pushTimeoutSeconds, parseDuration, u"duration (e.g. 30s)"_s)},
        {u"recipient"_s,
         [](Config &c, const QString &v) -> std::optional<QString> {
             auto key = Format::RecipientKey::fromText(v);
             if (!key)
                 return key.error().message;
             c.recipient = *key;
             return std::nullopt;
         }},
    };
    return table;
}

} // namespace

std::optional<qint64> parseDuration(QStringView text)
{
    return withUnit(text, {{QString(), 1}, {u"s"_s, 1}, {u"m"_s, 60}, {u"h"_s, 3600}, {u"d"_s, 86400}});
}

std::optional<qint64> parseSize(QStringView text)
{
    return withUnit(text,
                    {{QString(), 1}, {u"B"_s, 1}, {u"KiB"_s, 1LL << 10}, {u"MiB"_s, 1LL << 20}, {u"GiB"_s, 1LL << 30}});
}

Expected<Config> parseConfig(QByteArrayView content, const QString &fileName)
{
    Config config;
    QString sinksWhere = fileName; // where alert_sinks was set, for the check that needs every key
    const QList<QByteArray> lines = content.toByteArray().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QString where = u"%1:%2"_s.arg(fileName).arg(i + 1);
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            return Error{u"%1: expected 'key = value'"_s.arg(where)};
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        const auto setter = setters().find(key);
        if (setter == setters().end())
            return Error{u"%1: %2: unknown key"_s.arg(where, key)};
        if (auto reason = setter->second(config, value))
            return Error{u"%1: %2: %3"_s.arg(where, key, *reason)};
        if (key == "alert_sinks"_L1)
            sinksWhere = where;
    }
    if (config.alertSinks.contains(u"command"_s) && config.alertCommand.isEmpty())
        return Error{u"%1: alert_sinks: 'command' needs alert_command"_s.arg(sinksWhere)};
    config.digest = Format::Blake2b256::hexHash(content);
    return config;
}

Expected<Config> loadConfig(const QString &path, bool mustExist)
{
    QFile file(path);
    if (!file.exists() && !mustExist)
        return Config{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(path, file.errorString())};
    return parseConfig(file.read(1024 * 1024), path);
}

} // namespace Flight::Recorder
