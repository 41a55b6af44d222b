// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphnodes.h"

#include "accountnames.h"
#include "bytetext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Deck::Models {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Deck::Models::GraphNodes", text);
}
} // namespace

QString processKey(qint64 processId)
{
    return QStringLiteral("p:%1").arg(processId);
}

QString fileKey(const QByteArray &path)
{
    return QStringLiteral("f:") + QString::fromLatin1(path.toHex());
}

QString hostKey(qint64 hostId)
{
    return QStringLiteral("h:%1").arg(hostId);
}

QString remoteKey(const QString &address)
{
    return QStringLiteral("r:") + address;
}

GraphNode processNode(const Core::ProcessRow &process, int column)
{
    GraphNode node;
    node.key = processKey(process.id);
    node.kind = NodeKind::Process;
    node.column = column;
    node.id = process.id;
    node.hostId = process.hostId;
    const QString name = process.comm.isEmpty() ? Core::displayBytes(process.exe.split('/').last()) : process.comm;
    node.label = tr("%1 [%2]").arg(Core::displayBytes(name.toUtf8()), QString::number(process.pid));
    QStringList lines{tr("Process %1 (pid %2)").arg(Core::displayBytes(name.toUtf8())).arg(process.pid)};
    if (!process.exe.isEmpty())
        lines << tr("exe: %1").arg(Core::displayBytes(process.exe));
    if (!process.argv.isEmpty())
        lines << tr("argv: %1").arg(Core::displayArgv(process.argv));
    if (process.uid)
        lines << tr("uid: %1").arg(Core::userText(*process.uid, process.userName));
    lines << tr("started: %1").arg(displayTime(process.startTs));
    if (process.exitTs)
        lines << tr("exited: %1").arg(displayTime(*process.exitTs));
    lines << tr("Double-click to expand; click to select it in every view.");
    node.detail = lines.join(u'\n');
    return node;
}

GraphNode processSeed(qint64 processId, qint64 hostId, int column)
{
    GraphNode node;
    node.key = processKey(processId);
    node.kind = NodeKind::Process;
    node.column = column;
    node.id = processId;
    node.hostId = hostId;
    return node;
}

GraphNode fileNode(const QByteArray &path, int column, qint64 pathId)
{
    GraphNode node;
    node.id = pathId;
    node.key = fileKey(path);
    node.kind = NodeKind::File;
    node.column = column;
    node.path = path;
    node.label = Core::displayBytes(path);
    node.detail = tr("File %1\nDouble-click for the processes that touched it.").arg(node.label);
    return node;
}

GraphNode hostNode(qint64 hostId, const QString &hostname, int column)
{
    GraphNode node;
    node.key = hostKey(hostId);
    node.kind = NodeKind::Host;
    node.column = column;
    node.id = hostId;
    node.hostId = hostId;
    node.label = hostname.isEmpty() ? tr("host %1").arg(hostId) : hostname;
    node.detail = tr("Host %1\nDouble-click for its processes that talked to the network.").arg(node.label);
    return node;
}

GraphNode remoteNode(const QString &address, int column)
{
    GraphNode node;
    node.key = remoteKey(address);
    node.kind = NodeKind::Remote;
    node.column = column;
    node.address = address;
    node.label = address;
    node.detail = tr("Remote address %1\nDouble-click for the processes that talked to it.").arg(address);
    return node;
}

std::optional<Core::MarkTarget> markableObject(const GraphNode &node)
{
    if (node.kind == NodeKind::Remote && !node.address.isEmpty())
        return Core::MarkTarget(Core::RemoteEndpoint{node.address, std::nullopt});
    if (node.id <= 0)
        return std::nullopt;
    switch (node.kind) {
    case NodeKind::Process:
        return Core::ObjectRef{Core::ObjectType::Process, node.id};
    case NodeKind::File:
        return Core::ObjectRef{Core::ObjectType::Path, node.id};
    case NodeKind::Host:
        return Core::ObjectRef{Core::ObjectType::Host, node.id};
    case NodeKind::Remote: // handled above
    case NodeKind::More:
        break;
    }
    return std::nullopt;
}

QString displayTime(qint64 ns)
{
    const auto time = QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral(" UTC");
}

} // namespace Deck::Models
