// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleevents.h"

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Flight::TestSupport {

namespace {

ProcessImage image(qint64 pid)
{
    ProcessImage p;
    p.proc = {pid, 123456 + pid};
    p.parent = {1, 2};
    p.comm = u"bash"_s;
    p.exe = QByteArray("/usr/bin/bash");
    p.argv
        = {QByteArray("bash"), QByteArray("-c"), QByteArray("echo caf\xc3\xa9 > /tmp/x"), QByteArray("\xff\xfe latin")};
    p.cwd = QByteArray("/home/alice");
    p.uid = 1000;
    p.euid = 0;
    p.gid = 1000;
    p.egid = 1000;
    p.loginuid = 1000;
    p.sessionid = 3;
    p.tty = u"pts/3"_s;
    p.cgroup = QByteArray("/user.slice/user-1000.slice/session-3.scope");
    p.exeDigest = u"0f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a6978"_s;
    p.env = {{u"SSH_CONNECTION"_s, QByteArray("10.0.0.5 51234 10.0.0.9 22")},
             {u"LD_PRELOAD"_s, QByteArray("/tmp/\xe9vil.so")}};
    return p;
}

StateItem package(const QString &name, const QString &version)
{
    return {name + u":amd64"_s,
            {{u"name"_s, name}, {u"version"_s, version}, {u"arch"_s, u"amd64"_s}, {u"source"_s, u"dpkg"_s}}};
}

} // namespace

QList<Event> oneEventOfEachKind(qint64 firstTs)
{
    QList<EventBody> bodies;
    ProcSnapshot snapshot{image(100)};
    snapshot.argvTruncated = true;
    bodies.append(snapshot);
    bodies.append(ProcExec{image(200)});
    bodies.append(ProcFork{{201, 123500}, {200, 123456}, u"bash"_s});
    bodies.append(ProcExit{{201, 123500}, 0, std::nullopt, false});
    bodies.append(ProcCred{{200, 123456}, 0, 0, 0, 0, 1000, 1000, 1000, 1000});
    FileAccess rename{{200, 123456}, FileOp::Rename, QByteArray("/tmp/a\x80"), QByteArray("/tmp/b"), 2049,
                      131,           std::nullopt};
    bodies.append(rename);
    bodies.append(FileAccess{{200, 123456},
                             FileOp::Open,
                             QByteArray("/etc/passwd"),
                             std::nullopt,
                             std::nullopt,
                             std::nullopt,
                             Repeat{10000, firstTs + 5000000, 5000000}});
    bodies.append(NetEndpoint{ProcKey{200, 123456},
                              NetOp::Connect,
                              Proto::Tcp,
                              {u"10.0.0.5"_s, 51234},
                              Endpoint{u"10.0.0.9"_s, 22},
                              std::nullopt});
    bodies.append(NetEndpoint{std::nullopt, NetOp::Listen, Proto::Tcp, {u"::"_s, 8080}, std::nullopt, std::nullopt});
    bodies.append(
        StateSnapshot{u"packages"_s, {package(u"bash"_s, u"5.2.15-2"_s), package(u"openssl"_s, u"3.0.11-1"_s)}});
    bodies.append(StateChange{
        u"packages"_s,
        Severity::High,
        {package(u"netcat"_s, u"1.10-47"_s)},
        {},
        {{u"openssl:amd64"_s, package(u"openssl"_s, u"3.0.11-1"_s), package(u"openssl"_s, u"3.0.13-1"_s)}}});
    bodies.append(KernelLog{4711, 4, u"evil: loading out-of-tree module taints kernel."_s});
    bodies.append(
        RecorderStart{u"0.1.0"_s,
                      321,
                      {{u"proc"_s, u"ebpf"_s, false, {}}, {u"file"_s, u"procfd"_s, true, u"fanotify_init: EPERM"_s}}});
    bodies.append(RecorderHeartbeat{{{u"cpu_ms"_s, 1200}, {u"rss_kb"_s, 18000}, {u"events"_s, 9000000000LL}}});
    bodies.append(RecorderLoss{u"proc.ebpf"_s, 17, LossUnit::Events, u"ring buffer full"_s, firstTs + 9000, 9000,
                               std::nullopt, std::nullopt});
    bodies.append(RecorderLoss{u"retention"_s, 2, LossUnit::Archives, std::nullopt, std::nullopt, std::nullopt, 4, 5});
    bodies.append(RecorderStop{u"duration"_s});

    QList<Event> events;
    qint64 mono = 5000000000LL;
    for (const EventBody &body : bodies) {
        events.append({firstTs, mono, body});
        firstTs += 1000000;
        mono += 1000000;
    }
    return events;
}

QList<Event> mixedEvents(int count, qint64 firstTs)
{
    const QList<Event> kinds = oneEventOfEachKind(firstTs);
    QList<Event> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        Event e = kinds[i % kinds.size()];
        e.ts = firstTs + qint64(i) * 1000;
        e.mono = 5000000000LL + qint64(i) * 1000;
        if (auto *exec = std::get_if<ProcExec>(&e.body)) {
            exec->proc.pid = 1000 + i % 4000000;
            exec->argv.append(QByteArray::number(i));
        } else if (auto *file = std::get_if<FileAccess>(&e.body)) {
            file->path += '/' + QByteArray::number(i);
        }
        events.append(std::move(e));
    }
    return events;
}

HostInfo sampleHost(const QString &hostname)
{
    return {u"3d1219c7c4c5404aaa1f6d2a48adfda4"_s,
            hostname,
            u"d1a65032-0aca-4891-b7e2-2aa85da7f6c9"_s,
            u"6.1.0-18-amd64"_s,
            u"Debian GNU/Linux 12 (bookworm)"_s,
            100,
            1763790000000000000LL};
}

ArchiveHeader sampleHeader(qint64 seq, const QString &prevDigest, const QString &hostname)
{
    ArchiveHeader header;
    header.seq = seq;
    header.prevDigest = prevDigest;
    header.host = sampleHost(hostname);
    header.collector = {u"0.1.0"_s, QString(), {{u"proc"_s, u"ebpf"_s, false, {}}}, {{u"cpu_ms"_s, 42}}};
    return header;
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

} // namespace Flight::TestSupport
