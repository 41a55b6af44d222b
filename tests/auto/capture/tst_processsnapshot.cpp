// SPDX-License-Identifier: GPL-3.0-or-later
// The process snapshot on the live system: a real child process with a known argv, environment and parent is in
// it with the right keys.
#include "processsnapshot.h"
#include "skip.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

class TestProcessSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void childIsCapturedWithKeysArgvAndEnvironment()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SSH_CONNECTION"_s, u"192.0.2.7 40000 192.0.2.1 22"_s);
        env.insert(u"SECRET_TOKEN"_s, u"must-not-be-recorded"_s);
        child.setProcessEnvironment(env);
        child.start(u"sh"_s, {u"-c"_s, u"sleep 30; :"_s, u"marker\xe9"_s});
        QVERIFY(child.waitForStarted());
        const qint64 childPid = child.processId();

        const ProcessSnapshot snapshot = snapshotProcesses();
        child.kill();
        child.waitForFinished();

        const ProcSnapshot *mine = nullptr, *self = nullptr;
        for (const Event &e : snapshot.events) {
            const auto &p = std::get<ProcSnapshot>(e.body);
            if (p.proc.pid == childPid)
                mine = &p;
            if (p.proc.pid == ::getpid())
                self = &p;
        }
        QVERIFY(mine && self);
        QCOMPARE(mine->argv.mid(1), (QList<QByteArray>{"-c", "sleep 30; :", "marker\xc3\xa9"}));
        QVERIFY(mine->argv.value(0).endsWith("sh")); // QProcess passes the resolved path as argv[0]
        QCOMPARE(mine->parent, self->proc); // the parent key is this test process, start time included
        QVERIFY(mine->proc.start >= self->proc.start);
        QVERIFY(mine->exe && mine->exe->endsWith("sh")); // /usr/bin/dash or /usr/bin/bash
        QCOMPARE(mine->env.value(u"SSH_CONNECTION"_s), QByteArray("192.0.2.7 40000 192.0.2.1 22"));
        QVERIFY(!mine->env.contains(u"SECRET_TOKEN"_s));
        QCOMPARE(mine->uid, qint64(::getuid()));
        QCOMPARE(mine->cwd, std::optional<QByteArray>(QFile::encodeName(QDir::currentPath())));
    }

    void kernelThreadsHaveNoImage()
    {
        const ProcessSnapshot snapshot = snapshotProcesses();
        QVERIFY(snapshot.events.size() > 2);
        for (const Event &e : snapshot.events) {
            const auto &p = std::get<ProcSnapshot>(e.body);
            if (p.proc.pid == 2) { // kthreadd
                QVERIFY(p.argv.isEmpty());
                QVERIFY(!p.exe);
                return;
            }
        }
        FLIGHT_SKIP("no kthreadd visible (a PID namespace without kernel threads)");
    }
};

QTEST_GUILESS_MAIN(TestProcessSnapshot)
#include "tst_processsnapshot.moc"
