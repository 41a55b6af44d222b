// SPDX-License-Identifier: GPL-3.0-or-later
#include "importworkload.h"

#include "digest.h"
#include "sampleevents.h"

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::Bench {

namespace {

constexpr qint64 kStepNs = 20000; // 20 µs between events: 50k events/s of host time
constexpr int kPrograms = 300;
constexpr int kLibraries = 4000;

QByteArray program(quint32 n)
{
    static const char *const dirs[] = {"/usr/bin/", "/usr/sbin/", "/usr/lib/systemd/", "/usr/local/bin/"};
    return QByteArray(dirs[n % 4]) + "tool-" + QByteArray::number(n);
}

StateItem package(const QString &name, qint64 version)
{
    return StateItem{name + u":amd64"_s,
                     {{u"name"_s, name},
                      {u"version"_s, u"1.%1-%2"_s.arg(version / 10).arg(version % 10)},
                      {u"size_kb"_s, 100 + version}}};
}

} // namespace

ImportWorkload::ImportWorkload(int host)
    : m_host(host)
    , m_state(quint32(host) * 2654435761u + 12345u)
    // Hosts booted at different times are at different points of their pid counters: each host's pids start
    // 100,000 after the previous host's (pid_max is 4,194,304), so names built from pids (saved-PID) differ.
    , m_pid(300 + qint64(host) * 100000)
{
}

quint32 ImportWorkload::random(quint32 bound)
{
    m_state ^= m_state << 13;
    m_state ^= m_state >> 17;
    m_state ^= m_state << 5;
    return m_state % bound;
}

Event ImportWorkload::at(EventBody body)
{
    ++m_tick;
    return Event{Flight::TestSupport::kBaseTs + m_tick * kStepNs, Flight::TestSupport::kBaseMono + m_tick * kStepNs,
                 std::move(body)};
}

ProcExec ImportWorkload::image(qint64 pid, qint64 parent)
{
    const quint32 n = random(kPrograms);
    ProcExec exec;
    exec.proc = {pid, pid * 10};
    exec.parent = {parent, parent * 10};
    exec.exe = program(n);
    exec.comm = u"tool-%1"_s.arg(n);
    exec.argv = {*exec.exe};
    for (quint32 i = 0, args = random(6); i < args; ++i) {
        exec.argv.append(random(3) == 0
                             ? "/home/user" + QByteArray::number(random(20)) + "/work/file-"
                                 + QByteArray::number(random(5000)) + ".txt"
                             : "--option-" + QByteArray::number(random(50)) + "=" + QByteArray::number(random(1000)));
    }
    exec.cwd = random(2) ? QByteArray("/home/user") + QByteArray::number(random(20)) : QByteArray("/");
    exec.uid = exec.euid = exec.gid = exec.egid = random(4) == 0 ? 0 : 1000 + random(20);
    if (random(3) == 0) {
        exec.loginuid = exec.uid;
        exec.sessionid = random(40);
        exec.tty = u"pts/%1"_s.arg(random(8));
    }
    exec.cgroup = "/system.slice/unit-" + QByteArray::number(random(60)) + ".service";
    if (random(4) == 0)
        exec.exeDigest = Blake2b256::hexHash(*exec.exe);
    if (random(10) == 0)
        exec.env = {{u"PATH"_s, "/usr/local/bin:/usr/bin:/bin"},
                    {u"LANG"_s, "C.UTF-8"},
                    {u"HOME"_s, "/home/user" + QByteArray::number(random(20))}};
    return exec;
}

// A name as mktemp(1) makes it: ten random letters and digits, so two hosts' temporary files have different
// names, as they do on real machines.
QByteArray ImportWorkload::temporaryName()
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray name("/tmp/tmp.");
    for (int i = 0; i < 10; ++i)
        name.append(kAlphabet[random(sizeof(kAlphabet) - 1)]);
    return name;
}

void ImportWorkload::startSnapshot(QList<Event> &events)
{
    events.append(at(RecorderStart{u"0.1.0"_s,
                                   811,
                                   {Backend{u"proc"_s, u"ebpf"_s, false, QString()},
                                    Backend{u"file"_s, u"fanotify"_s, false, QString()},
                                    Backend{u"net"_s, u"ebpf"_s, false, QString()}}}));
    for (qint64 pid = 1; pid <= 200; ++pid) {
        ProcSnapshot snapshot{image(pid, pid == 1 ? 0 : 1 + qint64(random(quint32(pid - 1))))};
        events.append(at(snapshot));
        if (pid <= 24)
            m_daemons.append(pid);
    }
    StateSnapshot packages{u"packages"_s, {}};
    for (int i = 0; i < 300; ++i)
        packages.items.append(package(u"pkg%1"_s.arg(i), i));
    events.append(at(packages));
}

// One process's life: fork, exec, file and network activity, maybe a credential change, exit.
void ImportWorkload::process(QList<Event> &events, int room)
{
    const qint64 pid = ++m_pid;
    const qint64 parent = m_daemons[random(quint32(m_daemons.size()))];
    const auto add = [&](EventBody body) {
        if (room-- > 0)
            events.append(at(std::move(body)));
    };
    add(ProcFork{{pid, pid * 10}, {parent, parent * 10}, std::nullopt});
    const ProcExec exec = image(pid, parent);
    add(exec);
    for (quint32 i = 0, files = 3 + random(8); i < files; ++i) {
        FileAccess file;
        file.proc = exec.proc;
        const quint32 kind = random(20);
        file.op = kind < 13 ? FileOp::Open
            : kind < 16     ? FileOp::Write
            : kind < 18     ? FileOp::Create
            : kind < 19     ? FileOp::Delete
                            : FileOp::Rename;
        if (kind < 10)
            file.path = "/usr/lib/x86_64-linux-gnu/lib" + QByteArray::number(random(kLibraries)) + ".so.1";
        else if (kind < 13)
            file.path = "/etc/conf.d/" + QByteArray::number(random(300)) + ".conf";
        else
            file.path = temporaryName();
        if (file.op == FileOp::Rename)
            file.to = "/home/user" + QByteArray::number(random(20)) + "/saved-" + QByteArray::number(pid);
        file.dev = 2049;
        file.ino = 100000 + random(1000000);
        if (random(8) == 0)
            file.repeat = Repeat{2 + random(50), 0, 0};
        Event e = at(file); // the repeat's last time follows its first
        if (auto *f = std::get_if<FileAccess>(&e.body); f->repeat) {
            f->repeat->lastTs = e.ts + 5000;
            f->repeat->lastMono = e.mono + 5000;
        }
        if (room-- > 0)
            events.append(std::move(e));
    }
    if (random(3) == 0) {
        NetEndpoint net;
        net.proc = exec.proc;
        const bool v6 = random(4) == 0;
        net.op = random(5) == 0 ? NetOp::Accept : NetOp::Connect;
        net.proto = random(6) == 0 ? Proto::Udp : Proto::Tcp;
        net.local = {v6 ? u"2001:db8::2"_s : u"10.0.%1.2"_s.arg(m_host), 30000 + qint64(random(30000))};
        net.remote = Endpoint{v6 ? u"2001:db8:1::%1"_s.arg(random(4000), 0, 16) : u"192.0.2.%1"_s.arg(random(250)),
                              random(2) ? 443 : 53};
        add(net);
        if (random(2) == 0) {
            net.op = NetOp::Close;
            add(net);
        }
    }
    if (random(20) == 0)
        add(ProcCred{exec.proc, 0, 0, 0, 0, exec.uid, exec.euid, exec.gid, exec.egid});
    if (random(30) == 0) {
        NetEndpoint listen;
        listen.proc = exec.proc;
        listen.op = NetOp::Listen;
        listen.local = {u"0.0.0.0"_s, 8000 + qint64(random(100))};
        add(listen);
    }
    add(ProcExit{exec.proc, random(10) == 0 ? std::optional<qint64>(1) : std::optional<qint64>(0), std::nullopt,
                 false});
}

void ImportWorkload::hostEvent(QList<Event> &events)
{
    const quint32 kind = random(100);
    if (kind < 60) {
        events.append(at(RecorderHeartbeat{{{u"events"_s, m_events}, {u"cpu_ms"_s, 12}, {u"rss_kb"_s, 40960}}}));
    } else if (kind < 90) {
        events.append(at(KernelLog{++m_kmsgSeq, 6, u"eth0: link is up, 1000 Mbps full duplex"_s}));
    } else if (kind < 98) {
        StateChange change;
        change.check = kind < 95 ? u"packages"_s : u"modules"_s;
        change.severity = kind < 95 ? Severity::Low : Severity::High;
        const auto n = qint64(random(300));
        change.changed
            = {ItemChange{u"pkg%1:amd64"_s.arg(n), package(u"pkg%1"_s.arg(n), n), package(u"pkg%1"_s.arg(n), n + 1)}};
        events.append(at(change));
    } else {
        const Event e = at(RecorderHeartbeat{});
        events.append(Event{e.ts, e.mono,
                            RecorderLoss{u"file.fanotify"_s, 1 + random(100), LossUnit::Events, u"queue overflow"_s,
                                         e.ts, e.mono, std::nullopt, std::nullopt}});
    }
}

QList<Event> ImportWorkload::next(int count)
{
    QList<Event> events;
    events.reserve(count);
    if (!m_started) {
        m_started = true;
        startSnapshot(events);
    }
    while (events.size() < count) {
        if (random(400) == 0)
            hostEvent(events);
        else
            process(events, int(count - events.size()));
    }
    events.resize(count);
    m_events += count;
    return events;
}

} // namespace Deck::Bench
