// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectionfixture.h"

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace Test = Flight::TestSupport;

namespace {

Event at(qint64 ms, EventBody body)
{
    return Event{Test::kBaseTs + ms * 1000000, Test::kBaseMono + ms * 1000000, std::move(body)};
}

Event exec(qint64 ms, qint64 pid, const QString &comm, const QByteArray &exe, QMap<QString, QByteArray> env = {},
           QList<QByteArray> argv = {}, std::optional<QString> stdio = std::nullopt,
           std::optional<qint64> exeMode = std::nullopt)
{
    ProcExec e;
    e.proc = {pid, pid * 10};
    e.parent = {1, 10};
    e.comm = comm;
    e.exe = exe;
    e.argv = argv.isEmpty() ? QList<QByteArray>{exe} : argv;
    e.cwd = QByteArray("/root");
    e.env = std::move(env);
    e.stdio = std::move(stdio);
    e.exeMode = exeMode;
    return at(ms, e);
}

Event file(qint64 ms, qint64 pid, FileOp op, const QByteArray &path, std::optional<QByteArray> to = std::nullopt)
{
    FileAccess f;
    f.proc = {pid, pid * 10};
    f.op = op;
    f.path = path;
    f.to = std::move(to);
    return at(ms, f);
}

Event change(qint64 ms, const QString &check, Severity severity, QList<StateItem> added, QList<StateItem> removed = {})
{
    StateChange c;
    c.check = check;
    c.severity = severity;
    c.added = std::move(added);
    c.removed = std::move(removed);
    return at(ms, c);
}

Event listen(qint64 ms, qint64 pid, qint64 port)
{
    NetEndpoint n;
    n.proc = ProcKey{pid, pid * 10};
    n.op = NetOp::Listen;
    n.local = {u"0.0.0.0"_s, port};
    return at(ms, n);
}

Event cred(qint64 ms, qint64 pid, qint64 prevUid, qint64 prevEuid, qint64 uid, qint64 euid)
{
    ProcCred c;
    c.proc = {pid, pid * 10};
    c.prevUid = prevUid;
    c.prevEuid = prevEuid;
    c.uid = uid;
    c.euid = euid;
    return at(ms, c);
}

Event exitOf(qint64 ms, qint64 pid)
{
    ProcExit e;
    e.proc = {pid, pid * 10};
    e.code = 0;
    return at(ms, e);
}

StateItem package(const QString &name, const QString &version)
{
    return StateItem{name + u":amd64"_s, {{u"name"_s, name}, {u"version"_s, version}, {u"source"_s, u"dpkg"_s}}};
}

} // namespace

DetectionScenario::DetectionScenario(const QString &dir)
    : epsilon(dir, u"epsilon"_s)
{
    ProcSnapshot sshd;
    sshd.proc = {103, 1030};
    sshd.parent = {1, 10};
    sshd.comm = u"sshd"_s;
    sshd.exe = QByteArray("/usr/sbin/sshd (deleted)");
    archives << epsilon.next({
        exec(10, 100, u"dropper"_s, "/tmp/dropper"),
        exec(11, 101, u"find"_s, "/usr/bin/find", {}, {"/usr/bin/find", "/tmp", "-mtime", "+7"}),
        exec(20, 102, u"3"_s, "/memfd:payload"),
        at(21, sshd),
        exec(30, 104, u"ls"_s, "/usr/bin/ls", {{u"LD_PRELOAD"_s, "/tmp/hook.so"}}),
        exec(31, 105, u"env"_s, "/usr/bin/env", {{u"SSH_CONNECTION"_s, "192.0.2.7 51234 192.0.2.1 22"}}),
        exec(40, 106, u"bash"_s, "/usr/bin/bash", {}, {}, u"socket socket socket"_s),
        exec(41, 107, u"bash"_s, "/usr/bin/bash", {}, {}, u"tty tty tty"_s),
        exec(42, 108, u"nc"_s, "/usr/bin/nc.openbsd", {}, {}, u"socket socket socket"_s),
        change(50, u"modules"_s, Severity::High, {StateItem{u"rootkit"_s, {{u"file"_s, u"/tmp/rootkit.ko"_s}}}}),
        change(51, u"modules"_s, Severity::High, {}, {StateItem{u"floppy"_s, {}}}),
        change(60, u"bpf"_s, Severity::High, {StateItem{u"42"_s, {{u"name"_s, u"sniff"_s}, {u"own"_s, false}}}}),
        change(61, u"bpf"_s, Severity::Low, {StateItem{u"43"_s, {{u"name"_s, u"flightrec"_s}, {u"own"_s, true}}}}),
        exec(69, 110, u"vi"_s, "/usr/bin/vi"),
        file(70, 110, FileOp::Write, "/root/.ssh/authorized_keys"),
        file(71, 110, FileOp::Open, "/root/.ssh/authorized_keys"),
        file(72, 110, FileOp::Create, "/etc/sudoers.d/backdoor"),
        file(73, 110, FileOp::Rename, "/etc/sudoers.tmp", QByteArray("/etc/sudoers")),
        file(74, 110, FileOp::Write, "/etc/cron.d/job"),
        file(75, 110, FileOp::Open, "/etc/crontab"),
        file(76, 110, FileOp::Create, "/etc/systemd/system/evil.service"),
        change(80, u"packages"_s, Severity::High, {package(u"nc-openbsd"_s, u"1.226-1"_s)}),
        listen(90, 120, 4444),
        listen(91, 121, 4444),
        exec(100, 130, u"python3"_s, "/usr/bin/python3.11", {}, {}, u"pipe pipe pipe"_s, 0100755),
        exec(100, 131, u"sudo"_s, "/usr/bin/sudo", {}, {}, u"tty tty tty"_s, 0104755),
        exec(100, 132, u"python3"_s, "/usr/bin/python3.11", {}, {}, u"pipe pipe pipe"_s, 0100755),
        cred(101, 130, 65534, 65534, 65534, 0),
        cred(102, 131, 1000, 0, 0, 0),
        cred(103, 132, 0, 0, 65534, 65534),
    });
    archives << epsilon.next({
        exec(700000, 140, u"dpkg"_s, "/usr/bin/dpkg"),
        change(700100, u"packages"_s, Severity::High, {package(u"curl"_s, u"7.88.1-10"_s)}),
        listen(700200, 121, 4444),
        listen(700300, 122, 8080),
        // Package managers that run longer than the rule's ten minutes: a dpkg whose change is found 750 s after
        // its exec, while it runs dpkg-deb; and one whose change is found 700 s after its exec, 50 s before its exit.
        exec(1400000, 150, u"dpkg"_s, "/usr/bin/dpkg"),
        exec(2100000, 151, u"dpkg-deb"_s, "/usr/bin/dpkg-deb"),
        exitOf(2100500, 151),
        change(2150000, u"packages"_s, Severity::High, {package(u"vim"_s, u"2:9.0.1378-2"_s)}),
        exitOf(2200000, 150),
        exec(3000000, 160, u"dpkg"_s, "/usr/bin/dpkg"),
        change(3700000, u"packages"_s, Severity::High, {}, {package(u"vim"_s, u"2:9.0.1378-2"_s)}),
        exitOf(3750000, 160),
    });
}

QStringList DetectionScenario::expectedAlerts()
{
    QStringList alerts{u"exec-from-tmp 100"_s,
                       u"deleted-or-memfd-exe 102"_s,
                       u"deleted-or-memfd-exe 103"_s,
                       u"ld-preload 104"_s,
                       u"reverse-shell 106"_s,
                       u"kernel-module modules"_s,
                       u"bpf-program bpf"_s,
                       u"ssh-authorized-keys 110"_s,
                       u"sudoers-write 110"_s,
                       u"sudoers-write 110"_s,
                       u"cron-write 110"_s,
                       u"systemd-unit-write 110"_s,
                       u"package-outside-manager packages"_s,
                       u"new-listener 120"_s,
                       u"new-listener 122"_s,
                       u"setuid-without-setuid-bit 130"_s};
    alerts.sort();
    return alerts;
}

QStringList DetectionScenario::raisedAlerts(Core::Database &db)
{
    auto q = db.query(u"SELECT a.rule, (SELECT p.pid FROM alert_evidence e JOIN processes p ON p.id = e.object_id "
                      u"WHERE e.alert_id = a.id AND e.object_type = 'process'), (SELECT s.check_name FROM "
                      u"alert_evidence e JOIN state_changes s ON s.id = e.object_id WHERE e.alert_id = a.id AND "
                      u"e.object_type = 'state_change') FROM alerts a WHERE a.source = 'rule'"_s);
    if (!q)
        return {q.error().message};
    QStringList alerts;
    while (q->next())
        alerts << q->value(0).toString() + u' '
                + (q->value(1).isNull() ? q->value(2).toString() : q->value(1).toString());
    alerts.sort();
    return alerts;
}

} // namespace Deck::TestSupport
