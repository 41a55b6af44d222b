// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleevents.h"

#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Flight::TestSupport {

using namespace Flight::Format;

namespace {

Event at(qint64 offset, EventBody body)
{
    return Event{kBaseTs + offset, kBaseMono + offset, std::move(body)};
}

ProcessImage fullImage()
{
    ProcessImage p;
    p.proc = {4242, 987654321};
    p.parent = {1, 2};
    p.comm = u"sshd: alice [priv]"_s;
    p.exe = QByteArray("/usr/sbin/sshd");
    // Not UTF-8: a Latin-1 file name, a lone continuation byte, an overlong '/' and a surrogate.
    p.argv = {QByteArray("sshd"),        QByteArray("caf\xe9.txt"),  QByteArray("\x80"),
              QByteArray("\xc0\xaf"),    QByteArray("\xed\xa0\x80"), QByteArray("tab\tquote\"backslash\\newline\n"),
              QByteArray("\xe2\x82\xac")};
    p.argvTruncated = true;
    p.cwd = QByteArray("/home/al\xef"
                       "ce");
    p.uid = 1000;
    p.euid = 0;
    p.gid = 1000;
    p.egid = 4294967294LL;
    p.loginuid = 1000;
    p.sessionid = 0;
    p.tty = u"pts/3"_s;
    p.cgroup = QByteArray("/user.slice/user-1000.slice/session-7.scope");
    p.exeDigest = u"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s;
    p.stdio = u"socket socket pipe"_s;
    p.exeMode = 0104755;
    p.env = {{u"SSH_CONNECTION"_s, QByteArray("192.0.2.7 51234 192.0.2.1 22")}, {u"LANG"_s, QByteArray("de_DE.\xff")}};
    return p;
}

ProcessImage kernelThread()
{
    ProcessImage p;
    p.proc = {2, 0};
    p.parent = {0, 0};
    p.comm = u"kthreadd"_s;
    return p;
}

StateItem item(const QString &id, QMap<QString, AttrValue> attrs)
{
    return StateItem{id, std::move(attrs)};
}

StateItem package(const QString &version)
{
    return item(
        u"openssl:amd64"_s,
        {{u"name"_s, u"openssl"_s}, {u"version"_s, version}, {u"arch"_s, u"amd64"_s}, {u"source"_s, u"dpkg"_s}});
}

FileAccess fileAccess(FileOp op, const QByteArray &path)
{
    FileAccess f;
    f.proc = {4242, 987654321};
    f.op = op;
    f.path = path;
    return f;
}

} // namespace

QList<NamedEvent> sampleEvents()
{
    QList<NamedEvent> list;
    list.append({"proc.snapshot kernel thread", at(0, ProcSnapshot{kernelThread()})});
    list.append({"proc.snapshot full", at(1, ProcSnapshot{fullImage()})});
    list.append({"proc.exec non-UTF-8 argv and env", at(2, ProcExec{fullImage()})});
    ProcessImage minimal = kernelThread();
    minimal.proc = {4194304, 9223372036854775807LL};
    minimal.parent = {4194303, 1};
    minimal.argv = {QByteArray("/bin/true")};
    list.append({"proc.exec minimal, extreme keys", at(3, ProcExec{minimal})});
    list.append({"proc.fork with comm", at(4, ProcFork{{5000, 100}, {4242, 987654321}, u"bash"_s})});
    list.append({"proc.fork without comm", at(5, ProcFork{{5001, 101}, {0, 0}, std::nullopt})});
    list.append({"proc.exit code", at(6, ProcExit{{5000, 100}, 0, std::nullopt, false})});
    list.append({"proc.exit signal and core", at(7, ProcExit{{5001, 101}, std::nullopt, 11, true})});
    list.append({"proc.exit nothing known", at(8, ProcExit{{5002, 102}, std::nullopt, std::nullopt, false})});
    list.append({"proc.cred", at(9, ProcCred{{5000, 100}, 0, 0, 0, 0, 1000, 1000, 1000, 4294967294LL})});

    const std::pair<FileOp, const char *> ops[] = {{FileOp::Open, "open"},
                                                   {FileOp::Exec, "exec"},
                                                   {FileOp::Write, "write"},
                                                   {FileOp::Create, "create"},
                                                   {FileOp::Delete, "delete"}};
    for (const auto &[op, name] : ops)
        list.append({QByteArray("file.access ") + name, at(10, fileAccess(op, "/etc/shadow"))});
    FileAccess rename = fileAccess(FileOp::Rename, "/tmp/a\xff");
    rename.to = QByteArray("/usr/local/bin/evil");
    list.append({"file.access rename", at(11, rename)});
    rename.dev = 2049;
    rename.ino = 9223372036854775807LL;
    rename.repeat = Repeat{12, kBaseTs + 5000, kBaseMono + 5000};
    list.append({"file.access rename with repeat, dev and ino", at(12, rename)});
    FileAccess repeated = fileAccess(FileOp::Open, "/proc/self/status");
    repeated.repeat = Repeat{2, kBaseTs + 13, kBaseMono + 13};
    list.append({"file.access open with repeat", at(13, repeated)});

    list.append({"net.endpoint IPv4 connect",
                 at(14,
                    NetEndpoint{ProcKey{4242, 987654321},
                                NetOp::Connect,
                                Proto::Tcp,
                                {u"192.0.2.1"_s, 51234},
                                Endpoint{u"198.51.100.9"_s, 443},
                                std::nullopt})});
    list.append({"net.endpoint IPv6 send with repeat",
                 at(15,
                    NetEndpoint{ProcKey{4242, 987654321},
                                NetOp::Send,
                                Proto::Udp,
                                {u"2001:db8::1"_s, 0},
                                Endpoint{u"::ffff:192.0.2.3"_s, 65535},
                                Repeat{9, kBaseTs + 900, kBaseMono + 900}})});
    list.append({"net.endpoint without proc",
                 at(16,
                    NetEndpoint{std::nullopt,
                                NetOp::Exists,
                                Proto::Tcp,
                                {u"0.0.0.0"_s, 22},
                                Endpoint{u"203.0.113.5"_s, 40000},
                                std::nullopt})});
    list.append(
        {"net.endpoint listen without remote",
         at(17, NetEndpoint{ProcKey{1, 1}, NetOp::Listen, Proto::Tcp, {u"::"_s, 8080}, std::nullopt, std::nullopt})});
    for (const NetOp op : {NetOp::Accept, NetOp::Bind, NetOp::Close}) {
        list.append(
            {QByteArray("net.endpoint ") + netOpName(op),
             at(18, NetEndpoint{ProcKey{7, 7}, op, Proto::Udp, {u"127.0.0.1"_s, 53}, std::nullopt, std::nullopt})});
    }

    list.append({"state.snapshot packages",
                 at(19,
                    StateSnapshot{u"packages"_s,
                                  {package(u"3.0.13-1"_s),
                                   item(u"bash:amd64"_s, {{u"name"_s, u"bash"_s}, {u"version"_s, u"5.2"_s}})}})});
    list.append({"state.snapshot bpf with int and bool attributes",
                 at(20,
                    StateSnapshot{u"bpf"_s,
                                  {item(u"17"_s,
                                        {{u"loaded_ts"_s, qint64(kBaseTs)},
                                         {u"own"_s, true},
                                         {u"uid"_s, qint64(0)},
                                         {u"name"_s, u"flightrec_exec"_s}})}})});
    list.append({"state.snapshot empty", at(21, StateSnapshot{u"logins"_s, {}})});
    StateChange change;
    change.check = u"packages"_s;
    change.severity = Severity::High;
    change.added = {item(u"nc:amd64"_s, {{u"name"_s, u"nc"_s}})};
    change.removed = {item(u"auditd:amd64"_s, {{u"name"_s, u"auditd"_s}, {u"own"_s, false}})};
    change.changed = {ItemChange{u"openssl:amd64"_s, package(u"3.0.13-1"_s), package(u"3.0.13-2"_s)}};
    list.append({"state.change added, removed and changed", at(22, change)});
    list.append({"state.change only removed",
                 at(23, StateChange{u"modules"_s, Severity::Medium, {}, {item(u"rootkit"_s, {})}, {}})});
    list.append({"state.change only changed",
                 at(24,
                    StateChange{u"files"_s,
                                Severity::Low,
                                {},
                                {},
                                {ItemChange{u"/etc/passwd"_s, item(u"/etc/passwd"_s, {{u"size"_s, qint64(1)}}),
                                            item(u"/etc/passwd"_s, {{u"size"_s, qint64(2)}})}}})});

    list.append({"host.kmsg", at(25, KernelLog{9223372036854775807LL, 4, u"module verification failed: \"x\" ü"_s})});
    list.append({"rec.start",
                 at(26,
                    RecorderStart{u"0.1.0"_s,
                                  811,
                                  {Backend{u"proc"_s, u"netlink"_s, true, u"bpf(): operation not permitted"_s},
                                   Backend{u"file"_s, u"fanotify"_s, false, QString()}}})});
    list.append({"rec.start without backends", at(27, RecorderStart{u"0.1.0"_s, 1, {}})});
    list.append({"rec.stop", at(28, RecorderStop{u"error: disk full"_s})});
    list.append(
        {"rec.heartbeat",
         at(29,
            RecorderHeartbeat{
                {{u"cpu_ms"_s, 12}, {u"rss_kb"_s, 40960}, {u"lost"_s, 0}, {u"events"_s, 9223372036854775807LL}}})});
    list.append({"rec.heartbeat empty stats", at(30, RecorderHeartbeat{})});
    list.append({"rec.loss events",
                 at(31,
                    RecorderLoss{u"proc.ebpf"_s, 17, LossUnit::Events, u"ring buffer full"_s, kBaseTs + 31000,
                                 kBaseMono + 31000, std::nullopt, std::nullopt})});
    list.append({"rec.loss archives",
                 at(32,
                    RecorderLoss{u"retention"_s, 3, LossUnit::Archives, std::nullopt, std::nullopt, std::nullopt,
                                 qint64(4), qint64(6)})});
    list.append({"rec.loss minimal",
                 at(33,
                    RecorderLoss{u"file.fanotify"_s, 1, LossUnit::Events, std::nullopt, std::nullopt, std::nullopt,
                                 std::nullopt, std::nullopt})});
    return list;
}

QList<Event> mixedEvents(int count)
{
    const QList<NamedEvent> samples = sampleEvents();
    QList<Event> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        Event e = samples[i % samples.size()].event;
        e.ts = kBaseTs + qint64(i) * 1000000;
        e.mono = kBaseMono + qint64(i) * 1000000;
        events.append(std::move(e));
    }
    return events;
}

HostInfo sampleHost(const QString &hostname)
{
    return HostInfo{u"0123456789abcdef0123456789abcdef"_s,
                    hostname,
                    u"5f1c1d1e-0000-4000-8000-00000000abcd"_s,
                    u"6.8.0-45-generic"_s,
                    u"Ubuntu 24.04.1 LTS"_s,
                    100,
                    kBaseTs - 3600000000000LL};
}

ArchiveHeader sampleHeader(qint64 seq, const QString &prevDigest, const QString &hostname)
{
    ArchiveHeader h;
    h.seq = seq;
    h.prevDigest = prevDigest;
    h.host = sampleHost(hostname);
    h.collector = CollectorInfo{
        u"0.1.0"_s, QString(), {Backend{u"proc"_s, u"ebpf"_s, false, QString()}}, {{u"events"_s, 42}, {u"lost"_s, 0}}};
    return h;
}

QList<Event> oneEventOfEachKind()
{
    QList<Event> events;
    QSet<QByteArray> kinds;
    for (const NamedEvent &named : sampleEvents()) {
        if (!kinds.contains(kindName(named.event))) {
            kinds.insert(kindName(named.event));
            events.append(named.event);
        }
    }
    return events;
}

Expected<SealedArchive> writeArchive(const QString &path, const SigningKey &key, const QList<Event> &events,
                                     const ArchiveHeader &header, const WriterOptions &options)
{
    ArchiveWriter writer(path, key, header, options);
    if (auto opened = writer.open(); !opened)
        return opened.error();
    for (const Event &event : events) {
        if (auto appended = writer.append(event); !appended)
            return appended.error();
    }
    return writer.finish();
}

Expected<QList<Event>> readAllEvents(const QString &path, const DecryptionKey *key, const ReaderLimits &limits)
{
    ArchiveReader reader(path, limits);
    if (auto opened = reader.open(); !opened)
        return opened.error();
    QList<Event> events;
    auto read = reader.readEvents(
        [&](const Event &event) {
            events.append(event);
            return true;
        },
        key);
    if (!read)
        return read.error();
    return events;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, QByteArrayView data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data.data(), data.size()) == data.size();
}

} // namespace Flight::TestSupport
