// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayfixture.h"

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace Test = Flight::TestSupport;

namespace {

constexpr qint64 kTicksBeforeBase = 360000; // boot: one hour before kBaseTs, 100 ticks a second

qint64 startMsOf(qint64 pid)
{
    switch (pid) {
    case 100:
        return -5000;
    case 200:
        return 10;
    case 300:
        return 20;
    case 400:
        return 105;
    default:
        return -10000; // pid 1
    }
}

ProcKey key(qint64 pid)
{
    return {pid, kTicksBeforeBase + startMsOf(pid) / 10};
}

Event event(qint64 ms, EventBody body)
{
    return Event{ReplayScenario::at(ms), Test::kBaseMono + ms * 1000000, std::move(body)};
}

template <typename Image> Event image(qint64 ms, qint64 pid, qint64 ppid, const QString &comm)
{
    Image e;
    e.proc = key(pid);
    e.parent = key(ppid);
    e.comm = comm;
    e.exe = "/usr/bin/" + comm.toUtf8();
    e.argv = {*e.exe};
    e.cwd = QByteArray("/");
    return event(ms, e);
}

Event file(qint64 ms, qint64 pid, FileOp op, const QByteArray &path, std::optional<Repeat> repeat = {})
{
    FileAccess f;
    f.proc = key(pid);
    f.op = op;
    f.path = path;
    f.repeat = repeat;
    return event(ms, f);
}

Event net(qint64 ms, qint64 pid, NetOp op, Endpoint local, std::optional<Endpoint> remote)
{
    NetEndpoint n;
    n.proc = key(pid);
    n.op = op;
    n.local = std::move(local);
    n.remote = std::move(remote);
    return event(ms, n);
}

StateItem package(const QString &name, const QString &version)
{
    return {name + u":amd64"_s,
            {{u"name"_s, name}, {u"version"_s, version}, {u"arch"_s, u"amd64"_s}, {u"source"_s, u"dpkg"_s}}};
}

StateItem module(const QString &name)
{
    return {name, {{u"size"_s, qint64(16384)}, {u"state"_s, u"Live"_s}}};
}

StateItem program(qint64 id, const QString &name, bool own)
{
    return {QString::number(id), {{u"type"_s, u"kprobe"_s}, {u"name"_s, name}, {u"own"_s, own}}};
}

Event snapshot(qint64 ms, const QString &check, QList<StateItem> items)
{
    return event(ms, StateSnapshot{check, std::move(items)});
}

} // namespace

qint64 ReplayScenario::at(qint64 ms)
{
    return Test::kBaseTs + ms * 1000000;
}

ReplayScenario::ReplayScenario(const QString &dir)
    : echo(dir, u"echo"_s)
{
    StateChange rootkit{u"modules"_s, Severity::High, {module(u"rootkit"_s)}, {}, {}};
    StateChange packages{u"packages"_s, Severity::High, {package(u"nc-openbsd"_s, u"1.226-1"_s)}, {},
                         {ItemChange{u"openssl:amd64"_s, package(u"openssl"_s, u"3.0.13-1"_s),
                                     package(u"openssl"_s, u"3.0.13-2"_s)}}};
    const Endpoint local{u"10.0.0.2"_s, 40200};
    const Endpoint remote{u"10.0.0.3"_s, 22};
    archives << echo.next({
        event(0, RecorderStart{u"0.1.0"_s, 77, {}}),
        snapshot(1, u"modules"_s, {module(u"ext4"_s), module(u"nf_tables"_s)}),
        snapshot(1, u"bpf"_s, {program(7, u"flightrec_exec"_s, true)}),
        snapshot(1, u"packages"_s, {package(u"bash"_s, u"5.2-1"_s), package(u"openssl"_s, u"3.0.13-1"_s)}),
        image<ProcSnapshot>(1, 100, 1, u"sshd"_s),
        image<ProcExec>(10, 200, 100, u"bash"_s),
        image<ProcExec>(20, 300, 200, u"logger"_s),
        file(30, 300, FileOp::Open, "/var/log/app.log"),
        net(31, 300, NetOp::Listen, {u"0.0.0.0"_s, 8080}, std::nullopt),
        net(40, 200, NetOp::Connect, local, remote),
        file(50, 300, FileOp::Open, "/tmp/scratch"),
        event(60, rootkit),
        file(70, 300, FileOp::Write, "/var/log/app.log"),
        file(71, 200, FileOp::Open, "/etc/hosts"),
        file(72, 200, FileOp::Write, "/etc/hosts", Repeat{3, at(78), Test::kBaseMono + 78 * 1000000}),
        net(80, 200, NetOp::Close, local, remote),
        event(90, packages),
        event(100, ProcExit{key(300), 0, std::nullopt, false}),
        image<ProcExec>(105, 400, 200, u"cat"_s),
        event(110, RecorderLoss{u"file.fanotify"_s, 5, LossUnit::Events, u"queue overflow"_s, at(112),
                                Test::kBaseMono + 112 * 1000000, std::nullopt, std::nullopt}),
        file(130, 400, FileOp::Write, "/root/notes"),
        event(140, ProcExit{key(400), 0, std::nullopt, false}),
        event(150, RecorderStop{u"signal"_s}),
    });
    echo.next({event(200, RecorderStart{u"0.1.0"_s, 78, {}}), event(300, RecorderStop{u"signal"_s})}); // seq 2
    archives << echo.next({
        event(400, RecorderStart{u"0.1.0"_s, 79, {}}),
        snapshot(401, u"modules"_s, {module(u"ext4"_s), module(u"nf_tables"_s), module(u"rootkit"_s)}),
        snapshot(401, u"bpf"_s, {program(7, u"flightrec_exec"_s, true), program(42, u"sniff"_s, false)}),
        snapshot(401, u"packages"_s,
                 {package(u"bash"_s, u"5.2-1"_s), package(u"nc-openbsd"_s, u"1.226-1"_s),
                  package(u"openssl"_s, u"3.0.13-2"_s)}),
        image<ProcSnapshot>(401, 100, 1, u"sshd"_s),
        image<ProcSnapshot>(401, 200, 100, u"bash"_s),
        event(410, ProcExit{key(200), 0, std::nullopt, false}),
        event(420, RecorderStop{u"signal"_s}),
    });
}

QString ReplayScenario::importInto(Core::Database &db) const
{
    return trustAndImport(db, {&echo}, archives);
}

} // namespace Deck::TestSupport
