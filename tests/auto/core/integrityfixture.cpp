// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrityfixture.h"

#include "importer.h"
#include "truststore.h"

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace Test = Flight::TestSupport;

namespace {

Event event(qint64 ms, EventBody body)
{
    return Event{IntegrityScenario::at(ms), Test::kBaseMono + ms * 1000000, std::move(body)};
}

StateItem item(const QString &id, QMap<QString, AttrValue> attrs)
{
    return StateItem{id, std::move(attrs)};
}

StateItem package(const QString &name, const QString &version)
{
    return item(name + u":amd64"_s,
                {{u"name"_s, name}, {u"version"_s, version}, {u"arch"_s, u"amd64"_s}, {u"source"_s, u"dpkg"_s}});
}

StateItem passwd(const QString &digest, const QString &mode)
{
    return item(u"/etc/passwd"_s, {{u"digest"_s, digest},
                                   {u"size"_s, qint64(1873)},
                                   {u"mode"_s, mode},
                                   {u"uid"_s, qint64(0)},
                                   {u"gid"_s, qint64(0)},
                                   {u"kind"_s, u"file"_s}});
}

StateChange change(const QString &check, Severity severity)
{
    StateChange c;
    c.check = check;
    c.severity = severity;
    return c;
}

} // namespace

qint64 IntegrityScenario::at(qint64 ms)
{
    return Test::kBaseTs + ms * 1000000;
}

IntegrityScenario::IntegrityScenario(const QString &dir)
    : delta(dir, u"delta"_s)
{
    StateChange packages = change(u"packages"_s, Severity::High);
    packages.added = {package(u"nc-openbsd"_s, u"1.226-1"_s)};
    packages.removed = {package(u"auditd"_s, u"1:3.0.9-1"_s)};
    packages.changed = {ItemChange{u"openssl:amd64"_s, package(u"openssl"_s, u"3.0.13-1"_s),
                                   package(u"openssl"_s, u"3.0.13-2"_s)}};
    StateChange modules = change(u"modules"_s, Severity::High);
    modules.added = {item(u"rootkit"_s, {{u"size"_s, qint64(16384)},
                                         {u"refcount"_s, qint64(0)},
                                         {u"state"_s, u"Live"_s},
                                         {u"file"_s, u"/tmp/.x/rootkit.ko"_s},
                                         {u"digest"_s, u"ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12"_s}})};
    StateChange bpf = change(u"bpf"_s, Severity::High);
    bpf.added = {item(u"42"_s, {{u"type"_s, u"kprobe"_s},
                                {u"name"_s, u"sniff"_s},
                                {u"tag"_s, u"a0b1c2d3e4f50617"_s},
                                {u"uid"_s, qint64(0)},
                                {u"own"_s, false}})};
    bpf.removed = {item(u"7"_s, {{u"type"_s, u"tracepoint"_s}, {u"name"_s, u"flightrec_exec"_s}, {u"own"_s, true}})};
    StateChange files = change(u"files"_s, Severity::High);
    files.changed = {ItemChange{u"/etc/passwd"_s, passwd(u"1111"_s, u"0644"_s), passwd(u"2222"_s, u"0666"_s)}};
    StateChange logins = change(u"logins"_s, Severity::Medium);
    logins.added = {item(u"root@pts/0"_s, {{u"user"_s, u"root"_s},
                                           {u"tty"_s, u"pts/0"_s},
                                           {u"host"_s, u"10.0.0.9"_s},
                                           {u"login_ts"_s, at(50)},
                                           {u"pid"_s, qint64(812)}})};
    StateChange listeners = change(u"listeners"_s, Severity::Medium);
    listeners.added = {item(u"tcp:0.0.0.0:4444"_s, {{u"proto"_s, u"tcp"_s},
                                                     {u"addr"_s, u"0.0.0.0"_s},
                                                     {u"port"_s, qint64(4444)},
                                                     {u"pid"_s, qint64(700)},
                                                     {u"comm"_s, u"nc"_s}})};

    archives << delta.next({event(0, RecorderStart{u"0.1.0"_s, 77, {}}),
                            execEvent(700, 1, u"dpkg"_s, {"/usr/bin/dpkg", "-i", "nc.deb"}, 5),
                            event(10, packages),
                            event(20, modules),
                            event(30, bpf),
                            event(40, files),
                            event(50, logins),
                            event(60, listeners),
                            event(70, KernelLog{4242, 4, u"rootkit: module verification failed"_s}),
                            fileEvent(700, FileOp::Write, "/etc/passwd", 80),
                            connectEvent(700, u"203.0.113.9"_s, 4444, 90),
                            event(100, RecorderStop{u"shutdown"_s})});
}

QString IntegrityScenario::importInto(Core::Database &db) const
{
    if (auto trusted = Core::TrustStore(db).trust(delta.key.publicKey(), delta.host.hostname); !trusted)
        return trusted.error().message;
    Core::Importer importer(db);
    for (const QString &archive : archives) {
        const auto outcome = importer.importFile(archive);
        if (outcome.status != Core::ImportStatus::Imported)
            return outcome.message;
    }
    return {};
}

} // namespace Deck::TestSupport
