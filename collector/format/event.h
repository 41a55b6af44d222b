// SPDX-License-Identifier: GPL-3.0-or-later
// The event model of FORMAT.md §2: one struct per kind, held in a variant. Plain values, no I/O.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <compare>
#include <optional>
#include <variant>

namespace Flight::Format {

// A process within one boot (the boot id lives in the manifest): pid plus start time in clock ticks since boot.
struct ProcKey
{
    qint64 pid = 0;
    qint64 start = 0;
    auto operator<=>(const ProcKey &) const = default;
};

// Repetitions folded into one event by the collector's aggregation: ts/mono are the first, these the last.
struct Repeat
{
    qint64 count = 2;
    qint64 lastTs = 0;
    qint64 lastMono = 0;
    bool operator==(const Repeat &) const = default;
};

// Which mechanism a capture source ran on, and why it is degraded when it is not the primary one.
struct Backend
{
    QString source;
    QString backend;
    bool degraded = false;
    QString reason;
    bool operator==(const Backend &) const = default;
};

// proc.snapshot and proc.exec share this image of a process.
struct ProcessImage
{
    ProcKey proc;
    ProcKey parent;
    QString comm;
    std::optional<QByteArray> exe;
    QList<QByteArray> argv;
    bool argvTruncated = false;
    std::optional<QByteArray> cwd;
    qint64 uid = 0, euid = 0, gid = 0, egid = 0;
    std::optional<qint64> loginuid, sessionid;
    std::optional<QString> tty;
    std::optional<QByteArray> cgroup;
    std::optional<QString> exeDigest;
    std::optional<QString> stdio; // kinds of fds 0, 1 and 2: three words of kStdioKinds, e.g. "socket socket pipe"
    std::optional<qint64> exeMode; // the executable's st_mode at the event (type, permissions, setuid/setgid)
    QMap<QString, QByteArray> env;
    bool operator==(const ProcessImage &) const = default;
};

struct ProcSnapshot : ProcessImage
{
    static constexpr const char *kKind = "proc.snapshot";
    bool operator==(const ProcSnapshot &) const = default;
};

struct ProcExec : ProcessImage
{
    static constexpr const char *kKind = "proc.exec";
    bool operator==(const ProcExec &) const = default;
};

struct ProcFork
{
    static constexpr const char *kKind = "proc.fork";
    ProcKey proc;
    ProcKey parent;
    std::optional<QString> comm;
    bool operator==(const ProcFork &) const = default;
};

struct ProcExit
{
    static constexpr const char *kKind = "proc.exit";
    ProcKey proc;
    std::optional<qint64> code;
    std::optional<qint64> signal;
    bool core = false;
    bool operator==(const ProcExit &) const = default;
};

struct ProcCred
{
    static constexpr const char *kKind = "proc.cred";
    ProcKey proc;
    qint64 uid = 0, euid = 0, gid = 0, egid = 0;
    qint64 prevUid = 0, prevEuid = 0, prevGid = 0, prevEgid = 0;
    bool operator==(const ProcCred &) const = default;
};

enum class FileOp { Open, Exec, Write, Create, Delete, Rename };

struct FileAccess
{
    static constexpr const char *kKind = "file.access";
    ProcKey proc;
    FileOp op = FileOp::Open;
    QByteArray path;
    std::optional<QByteArray> to; // the new name, for Rename only
    std::optional<qint64> dev, ino;
    std::optional<Repeat> repeat;
    bool operator==(const FileAccess &) const = default;
};

enum class NetOp { Connect, Accept, Listen, Bind, Send, Close, Exists };
enum class Proto { Tcp, Udp };

struct Endpoint
{
    QString addr; // canonical text (inet_ntop)
    qint64 port = 0;
    bool operator==(const Endpoint &) const = default;
};

struct NetEndpoint
{
    static constexpr const char *kKind = "net.endpoint";
    std::optional<ProcKey> proc;
    NetOp op = NetOp::Connect;
    Proto proto = Proto::Tcp;
    Endpoint local;
    std::optional<Endpoint> remote;
    std::optional<Repeat> repeat;
    bool operator==(const NetEndpoint &) const = default;
};

using AttrValue = std::variant<bool, qint64, QString>;

// One thing an integrity check observed (a package, a module, a file...): an id and flat attributes.
struct StateItem
{
    QString id;
    QMap<QString, AttrValue> attrs;
    bool operator==(const StateItem &) const = default;
};

struct ItemChange
{
    QString id;
    StateItem before;
    StateItem after;
    bool operator==(const ItemChange &) const = default;
};

enum class Severity { Low, Medium, High };

struct StateSnapshot
{
    static constexpr const char *kKind = "state.snapshot";
    QString check;
    QList<StateItem> items;
    bool operator==(const StateSnapshot &) const = default;
};

struct StateChange
{
    static constexpr const char *kKind = "state.change";
    QString check;
    Severity severity = Severity::Low;
    QList<StateItem> added;
    QList<StateItem> removed;
    QList<ItemChange> changed;
    bool operator==(const StateChange &) const = default;
};

struct KernelLog
{
    static constexpr const char *kKind = "host.kmsg";
    qint64 seq = 0;
    qint64 level = 0;
    QString text;
    bool operator==(const KernelLog &) const = default;
};

struct RecorderStart
{
    static constexpr const char *kKind = "rec.start";
    QString version;
    qint64 pid = 0;
    QList<Backend> backends;
    bool operator==(const RecorderStart &) const = default;
};

struct RecorderStop
{
    static constexpr const char *kKind = "rec.stop";
    QString reason;
    bool operator==(const RecorderStop &) const = default;
};

struct RecorderHeartbeat
{
    static constexpr const char *kKind = "rec.heartbeat";
    QMap<QString, qint64> stats;
    bool operator==(const RecorderHeartbeat &) const = default;
};

enum class LossUnit { Events, Archives };

struct RecorderLoss
{
    static constexpr const char *kKind = "rec.loss";
    QString source;
    qint64 count = 1;
    LossUnit unit = LossUnit::Events;
    std::optional<QString> reason;
    std::optional<qint64> lastTs, lastMono; // together
    std::optional<qint64> firstSeq, lastSeq; // together, for LossUnit::Archives
    bool operator==(const RecorderLoss &) const = default;
};

using EventBody
    = std::variant<ProcSnapshot, ProcExec, ProcFork, ProcExit, ProcCred, FileAccess, NetEndpoint, StateSnapshot,
                   StateChange, KernelLog, RecorderStart, RecorderStop, RecorderHeartbeat, RecorderLoss>;

struct Event
{
    qint64 ts = 0; // UTC ns
    qint64 mono = 0; // ns since boot (CLOCK_BOOTTIME)
    EventBody body;
    bool operator==(const Event &) const = default;
};

// The kind name of an event ("proc.exec", ...).
const char *kindName(const Event &event);
// Every kind name, in variant order.
QList<QByteArray> allKindNames();

// The item checks a state event may name (FORMAT.md §2.4).
bool isKnownCheck(QStringView check);

// The words of ProcessImage::stdio (FORMAT.md §2.4, proc.exec), and whether a text is three of them separated by one
// space.
inline constexpr const char *kStdioKinds[] = {"tty", "pipe", "socket", "file", "null", "none", "other", "unknown"};
bool isStdioText(QStringView text);
inline constexpr qint64 kMaxFileMode = 0xffff;

// Enum <-> wire text. The from* functions return std::nullopt for unknown text.
const char *fileOpName(FileOp op);
std::optional<FileOp> fileOpFromName(QByteArrayView name);
const char *netOpName(NetOp op);
std::optional<NetOp> netOpFromName(QByteArrayView name);
const char *protoName(Proto proto);
std::optional<Proto> protoFromName(QByteArrayView name);
const char *severityName(Severity severity);
std::optional<Severity> severityFromName(QByteArrayView name);
const char *lossUnitName(LossUnit unit);
std::optional<LossUnit> lossUnitFromName(QByteArrayView name);

} // namespace Flight::Format
