// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec record on the live system (root) with the `accounts` check: a user added to the real /etc/passwd while
// recording (useradd), a process run as its uid, the user renamed (usermod -l), a second process as the same uid,
// the user removed (userdel; also when the test fails, by a scope guard). The sealed archives must hold the accounts
// snapshot and the changes, and a case imported with flightdeck-cli must show each process with the name its uid had
// when it ran: the old name for the first, the new one for the second (`query search --json`: user_name beside uid;
// the text output: "user NAME (UID)").
//
// The real files, not a copy: the check reads /etc/passwd and /etc/group of the host it records (there is no key to
// point it elsewhere: an option that makes the collector read another passwd would be one more way to make it lie),
// and the names are unique and random so that nothing else on the machine can hold them.
#include "keys.h"
#include "programrun.h"
#include "recordsession.h"
#include "skip.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

// Runs /bin/sleep 0.3 as `uid`/`gid` with argv[0] `argv0`; returns its exit status (0: ran).
int runAs(qint64 uid, qint64 gid, const QByteArray &argv0)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setresgid(gid_t(gid), gid_t(gid), gid_t(gid)) != 0
            || ::setresuid(uid_t(uid), uid_t(uid), uid_t(uid)) != 0)
            ::_exit(125);
        ::execl("/bin/sleep", argv0.constData(), "0.3", static_cast<char *>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ProgramRun run(const QString &program, const QStringList &arguments)
{
    return runProgram(program, arguments);
}

// The accounts check's items of `uid` in the archives: the name of each snapshot and change, in order.
QStringList namesOf(const QList<QPair<Manifest, QList<Event>>> &archives, qint64 uid)
{
    const QString id = u"uid:%1"_s.arg(uid);
    const auto name = [](const StateItem &item) {
        const AttrValue value = item.attrs.value(u"name"_s);
        return std::holds_alternative<QString>(value) ? std::get<QString>(value) : QString();
    };
    QStringList names;
    for (const auto &[manifest, events] : archives) {
        for (const Event &e : events) {
            if (const auto *change = std::get_if<StateChange>(&e.body); change && change->check == "accounts"_L1) {
                for (const StateItem &item : change->added)
                    names << (item.id == id ? u"added "_s + name(item) : QString());
                for (const StateItem &item : change->removed)
                    names << (item.id == id ? u"removed "_s + name(item) : QString());
                for (const ItemChange &item : change->changed)
                    names << (item.id == id ? u"renamed %1 -> %2"_s.arg(name(item.before), name(item.after))
                                            : QString());
            }
        }
    }
    names.removeAll(QString());
    return names;
}

// Whether an accounts snapshot or change names group `gid` `name`.
bool hasGroup(const QList<QPair<Manifest, QList<Event>>> &archives, qint64 gid, const QString &name)
{
    const StateItem expected{u"gid:%1"_s.arg(gid), {{u"name"_s, name}, {u"members"_s, QString()}}};
    for (const auto &[manifest, events] : archives) {
        for (const Event &e : events) {
            if (const auto *change = std::get_if<StateChange>(&e.body); change && change->check == "accounts"_L1) {
                if (change->added.contains(expected))
                    return true;
            }
        }
    }
    return false;
}

} // namespace

class TestAccountsLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("live capture and useradd need root");
        if (!QFile::exists(u"/usr/sbin/useradd"_s) || !QFile::exists(u"/usr/sbin/usermod"_s))
            FLIGHT_SKIP("useradd and usermod (package passwd) are not installed");
        QVERIFY(m_temp.isValid());
        auto key = SigningKey::generate();
        QVERIFY(key.save(m_temp.filePath(u"host.key"_s)));
        m_publicKey = key.publicKey().toText();
    }

    void renamedUserShowsTheNameOfEachTime()
    {
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString oldName = u"fra"_s + tag, newName = u"frb"_s + tag;
        // userdel removes the user's group only when it has the user's name: after the rename, it keeps the group
        // useradd made under the old name.
        const auto cleanup = qScopeGuard([&] {
            for (const QString &name : {oldName, newName})
                run(u"/usr/sbin/userdel"_s, {name});
            run(u"/usr/sbin/groupdel"_s, {oldName});
        });
        const QString out = m_temp.filePath(u"out"_s);
        RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s), out,
                              {u"integrity_interval = 1s"_s, u"integrity_sweep = 1h"_s});
        QString why;
        QVERIFY2(session.start(120, &why), qPrintable(why));

        const ProgramRun added
            = run(u"/usr/sbin/useradd"_s, {u"--no-create-home"_s, u"--shell"_s, u"/usr/sbin/nologin"_s, oldName});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        const ProgramRun id = run(u"/usr/bin/id"_s, {u"-u"_s, oldName});
        const ProgramRun gid = run(u"/usr/bin/id"_s, {u"-g"_s, oldName});
        bool ok = false, gidOk = false;
        const qint64 uid = id.out.trimmed().toLongLong(&ok), group = gid.out.trimmed().toLongLong(&gidOk);
        QVERIFY2(ok && gidOk, qPrintable(id.err + gid.err));
        QTest::qWait(2500); // the check runs every second (and at once when file capture sees the write)
        const QByteArray before = (u"acct-before-"_s + tag).toLatin1(), after = (u"acct-after-"_s + tag).toLatin1();
        QCOMPARE(runAs(uid, group, before), 0);

        const ProgramRun renamed = run(u"/usr/sbin/usermod"_s, {u"-l"_s, newName, oldName});
        QVERIFY2(renamed.code == 0, qPrintable(renamed.err));
        QTest::qWait(2500);
        QCOMPARE(runAs(uid, group, after), 0);
        QTest::qWait(300);
        QCOMPARE(session.stop(), 0);

        QCOMPARE(namesOf(session.archives(), uid),
                 (QStringList{u"added "_s + oldName, u"renamed %1 -> %2"_s.arg(oldName, newName)}));
        QVERIFY2(hasGroup(session.archives(), group, oldName), "the user's group in the accounts check");

        // The case: each process with the name of its time, in the JSON and the text output.
        const QString db = m_temp.filePath(u"case.sqlite"_s);
        const QString cli = QStringLiteral(FLIGHTDECK_CLI);
        const ProgramRun trusted = run(cli, {u"--db"_s, db, u"trust"_s, m_publicKey});
        QVERIFY2(trusted.code == 0, qPrintable(trusted.err));
        const ProgramRun imported = run(cli, {u"--db"_s, db, u"import"_s, out});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        for (const auto &[argv0, name] : {std::pair{before, oldName}, std::pair{after, newName}}) {
            const ProgramRun found
                = run(cli, {u"--db"_s, db, u"--json"_s, u"query"_s, u"search"_s, QString::fromLatin1(argv0)});
            QVERIFY2(found.code == 0, qPrintable(found.err));
            QJsonObject process;
            for (const QString &line : found.out.split(u'\n', Qt::SkipEmptyParts)) {
                const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                if (o.value("type"_L1).toString() == "process"_L1)
                    process = o;
            }
            QVERIFY2(!process.isEmpty(), qPrintable(found.out));
            QCOMPARE(process.value("uid"_L1).toInteger(), uid);
            QCOMPARE(process.value("user_name"_L1).toString(), name);
            const ProgramRun text = run(cli, {u"--db"_s, db, u"query"_s, u"search"_s, QString::fromLatin1(argv0)});
            QVERIFY2(text.out.contains(u" user %1 (%2): "_s.arg(name).arg(uid)), qPrintable(text.out));
        }
    }

private:
    QTemporaryDir m_temp{u"/var/tmp/flightrec-accounts-XXXXXX"_s};
    QString m_publicKey;
};

QTEST_GUILESS_MAIN(TestAccountsLive)
#include "tst_accountslive.moc"
