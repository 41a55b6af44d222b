// SPDX-License-Identifier: GPL-3.0-or-later
#include "netnspair.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace {

// ip's output when it failed, nothing when it succeeded.
std::optional<QString> ip(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"ip"_s, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"ip %1: %2"_s.arg(arguments.join(u' '), QString::fromUtf8(process.readAll()).trimmed());
    return std::nullopt;
}

} // namespace

NetnsPair::NetnsPair()
{
    const quint32 r = QRandomGenerator::global()->generate();
    m_name = u"frst%1"_s.arg(r % 100000);
    m_prefix = u"10.%1.%2"_s.arg(200 + (r >> 8) % 50).arg((r >> 16) % 250);
}

NetnsPair::~NetnsPair()
{
    if (!m_created)
        return;
    (void)ip({u"netns"_s, u"del"_s, nameA()});
    (void)ip({u"netns"_s, u"del"_s, nameB()});
}

QString NetnsPair::create()
{
    m_created = true;
    const QString vethA = m_name + u"va"_s, vethB = m_name + u"vb"_s;
    const QList<QStringList> steps{
        {u"netns"_s, u"add"_s, nameA()},
        {u"netns"_s, u"add"_s, nameB()},
        {u"link"_s, u"add"_s, vethA, u"netns"_s, nameA(), u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, vethB, u"netns"_s,
         nameB()},
        {u"-n"_s, nameA(), u"addr"_s, u"add"_s, addressA() + u"/24"_s, u"dev"_s, vethA},
        {u"-n"_s, nameB(), u"addr"_s, u"add"_s, addressB() + u"/24"_s, u"dev"_s, vethB},
        {u"-n"_s, nameA(), u"link"_s, u"set"_s, vethA, u"up"_s},
        {u"-n"_s, nameB(), u"link"_s, u"set"_s, vethB, u"up"_s},
        {u"-n"_s, nameA(), u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
        {u"-n"_s, nameB(), u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
    };
    for (const QStringList &step : steps) {
        if (auto failed = ip(step))
            return *failed;
    }
    return {};
}

QStringList NetnsPair::inNamespace(const QString &ns, const QStringList &argv)
{
    return QStringList{u"netns"_s, u"exec"_s, ns} + argv;
}

QString NetnsPair::writeCollectorWrapper(const QString &path, const QString &ns, const QString &hostname,
                                         const QString &machineId, const QString &program)
{
    QFile idFile(path + u".machine-id"_s);
    if (!idFile.open(QIODevice::WriteOnly | QIODevice::Truncate) || idFile.write(machineId.toLatin1() + '\n') < 0)
        return u"cannot write %1"_s.arg(idFile.fileName());
    idFile.close();
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return u"cannot write %1"_s.arg(path);
    // exec all the way down: the pid QProcess knows is the program's.
    script.write(u"#!/bin/sh\nexec ip netns exec '%1' unshare --uts sh -c "
                 u"'hostname \"$0\" && mount --bind \"$1\" /etc/machine-id && shift && exec \"$@\"' "
                 u"'%2' '%3' '%4' \"$@\"\n"_s.arg(ns, hostname, idFile.fileName(), program)
                     .toUtf8());
    script.close();
    if (!script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return u"cannot make %1 executable"_s.arg(path);
    return {};
}

} // namespace Deck::TestSupport
