// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshpullfixture.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;
namespace Test = Flight::TestSupport;

namespace Deck::TestSupport {

QString SshPullFixture::user()
{
    return QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s);
}

QString SshPullFixture::program()
{
    return QStringLiteral(FLIGHTDECK_CLI);
}

QString SshPullFixture::filePath(const QString &name) const
{
    return QDir(m_caseDir).filePath(name);
}

QString SshPullFixture::start()
{
    if (!m_dir.isValid())
        return u"cannot create a temporary folder: %1"_s.arg(m_dir.errorString());
    m_clientKey = m_dir.filePath(u"client_key"_s);
    m_wrongKey = m_dir.filePath(u"wrong_key"_s);
    m_passphraseKey = m_dir.filePath(u"passphrase_key"_s);
    const QString client = SshdInstance::generateKey(m_clientKey);
    const QString encrypted = SshdInstance::generateKey(m_passphraseKey, u"correct horse"_s);
    if (client.isEmpty() || encrypted.isEmpty() || SshdInstance::generateKey(m_wrongKey).isEmpty())
        return u"ssh-keygen could not generate the client keys in %1"_s.arg(m_dir.path());
    QFile keys(m_dir.filePath(u"authorized_keys"_s));
    if (!keys.open(QIODevice::WriteOnly) || keys.write((client + u'\n' + encrypted + u'\n').toUtf8()) < 0)
        return u"cannot write %1: %2"_s.arg(keys.fileName(), keys.errorString());
    keys.close();
    for (const QString &name : {u"alpha"_s, u"bravo"_s, u"charlie"_s}) {
        Host host;
        host.name = name;
        host.sshd = std::make_unique<SshdInstance>(m_dir.filePath(u"sshd-"_s + name), keys.fileName());
        if (const QString failure = host.sshd->start(); !failure.isEmpty())
            return name + u": "_s + failure;
        m_hosts.push_back(std::move(host));
    }
    m_template = m_dir.filePath(u"template.case"_s);
    for (const Host &host : m_hosts) {
        const Run trusted
            = cli({u"trust"_s, host.signer.publicKey().toText(), u"--label"_s, host.name}, {}, m_template);
        if (trusted.code != 0)
            return u"trust %1: %2"_s.arg(host.name, trusted.err);
        const Run added = cli({u"remote"_s, u"add"_s, host.name, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                               QString::number(host.sshd->port()), u"--user"_s, user(), u"--key"_s, m_clientKey,
                               u"--outbox"_s, host.sshd->outbox()},
                              {}, m_template);
        if (added.code != 0)
            return u"remote add %1: %2"_s.arg(host.name, added.err);
    }
    return {};
}

QString SshPullFixture::newCase()
{
    if (m_hosts.empty())
        return u"the servers were not started"_s;
    m_caseDir = m_dir.filePath(u"case-%1"_s.arg(++m_cases));
    if (!QDir().mkpath(m_caseDir) || !QFile::copy(m_template, db()))
        return u"cannot copy %1 to %2"_s.arg(m_template, db());
    for (Host &host : m_hosts) {
        if (host.needsRestart) {
            if (const QString failure = restartWithSftp(host, {}); !failure.isEmpty())
                return host.name + u": "_s + failure;
        }
        const QString outbox = host.sshd->outbox();
        if (!QDir(outbox).removeRecursively() || !QDir().mkpath(outbox))
            return u"cannot empty the outbox %1"_s.arg(outbox);
        host.series = std::make_unique<ArchiveSeries>(outbox, u"%1.example.org"_s.arg(host.name));
        host.series->key = host.signer;
        for (int archive = 0; archive < 2; ++archive) {
            if (host.series->next(Test::mixedEvents(40)).isEmpty())
                return u"cannot write an archive into %1"_s.arg(outbox);
        }
    }
    return {};
}

QString SshPullFixture::pullEverything()
{
    QStringList options{u"--jobs"_s, u"3"_s};
    for (const Host &host : m_hosts)
        options << u"--accept-new-host-key"_s << host.sshd->fingerprint();
    const Run run = pull(options);
    if (run.code != 0)
        return u"the first pull failed (exit %1): %2"_s.arg(run.code).arg(run.err);
    qint64 listed = 0;
    for (const Host &host : m_hosts)
        listed += QDir(host.sshd->outbox()).entryList({u"*.frec"_s}, QDir::Files).size();
    if (const qint64 archives = rows(u"archives"_s); archives != listed)
        return u"the first pull left %1 archives in the case, the outboxes hold %2"_s.arg(archives).arg(listed);
    return {};
}

QString SshPullFixture::restartWithSftp(Host &host, const QString &command)
{
    host.sshd->setSftpCommand(command);
    host.sshd->stop();
    const QString failure = host.sshd->start();
    host.needsRestart = !command.isEmpty() || !failure.isEmpty();
    return failure;
}

SshPullFixture::Run SshPullFixture::cli(const QStringList &arguments, const QProcessEnvironment &environment,
                                        const QString &location) const
{
    return Test::runProgram(program(), QStringList{u"--db"_s, location.isEmpty() ? db() : location} + arguments, {},
                            environment);
}

SshPullFixture::Run SshPullFixture::pull(const QStringList &options) const
{
    return cli(QStringList{u"--json"_s, u"pull"_s, u"--timeout"_s, u"10"_s} + options);
}

qint64 SshPullFixture::rows(const QString &table, const QString &where, const QVariantList &params) const
{
    auto opened = Core::Database::open(db());
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return -1;
    }
    return count(**opened, table, where, params);
}

} // namespace Deck::TestSupport
