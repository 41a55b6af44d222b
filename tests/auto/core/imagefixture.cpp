// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagefixture.h"

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace Test = Flight::TestSupport;

namespace {

Event at(qint64 ms, EventBody body)
{
    return Event{Test::kBaseTs + ms * 1000000, Test::kBaseMono + ms * 1000000, std::move(body)};
}

} // namespace

QByteArray ImageScenario::hostileLang()
{
    return QByteArray("C.UTF-8\n\"<b>x</b>\xff");
}

ImageScenario::ImageScenario(const QString &dir)
    : delta(dir, u"delta"_s)
{
    ProcSnapshot sshd;
    sshd.proc = {600, 6000};
    sshd.parent = {1, 10};
    sshd.comm = u"sshd"_s;
    sshd.exe = QByteArray("/usr/sbin/sshd");
    sshd.argv = {"sshd: alice [priv]"};
    sshd.exeDigest = QString::fromLatin1(kSshdDigest);
    sshd.env = {{u"SSH_AUTH_SOCK"_s, QByteArray("/tmp/ssh-XXXX/agent.600")}};

    ProcExec bash;
    bash.proc = {700, 7000};
    bash.parent = sshd.proc;
    bash.comm = u"bash"_s;
    bash.exe = QByteArray("/usr/bin/bash");
    bash.argv = {"-bash", "--login"};
    bash.argvTruncated = true;
    bash.cwd = QByteArray("/home/alice");
    bash.uid = 1000;
    bash.euid = 0;
    bash.gid = 1000;
    bash.egid = 1001;
    bash.loginuid = 1000;
    bash.sessionid = 3;
    bash.tty = u"pts/0"_s;
    bash.cgroup = QByteArray("/user.slice/user-1000.slice/session-3.scope");
    bash.exeDigest = QString::fromLatin1(kBashDigest);
    bash.env = {{u"LANG"_s, hostileLang()}, {u"SSH_CONNECTION"_s, QByteArray("198.51.100.7 51000 10.0.0.4 22")}};

    ProcFork fork;
    fork.proc = {701, 7010};
    fork.parent = bash.proc;

    archive = delta.next({at(0, sshd), at(10, bash), at(20, fork), at(30, ProcExit{bash.proc, std::nullopt, 9, true})});
}

} // namespace Deck::TestSupport
