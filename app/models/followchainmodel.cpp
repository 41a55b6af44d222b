// SPDX-License-Identifier: GPL-3.0-or-later
#include "followchainmodel.h"

#include "accountnames.h"
#include "graphnodes.h"

namespace Deck::Models {

namespace {

QString endpointText(const QString &address, qint64 port)
{
    return address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                  : QStringLiteral("%1:%2").arg(address).arg(port);
}

QString timeOrDash(std::optional<qint64> ns)
{
    return ns ? displayTime(*ns) : QStringLiteral("—");
}

} // namespace

FollowChainModel::FollowChainModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_children.append(QList<int>{});
}

void FollowChainModel::setChain(Core::FollowChain chain)
{
    beginResetModel();
    m_chain = std::move(chain);
    const qsizetype n = m_chain.steps.size();
    m_parent = QList<int>(n, -1);
    m_children = QList<QList<int>>(n + 1);
    QList<int> open; // the last step seen at each depth
    for (int i = 0; i < n; ++i) {
        const int depth = std::max(0, m_chain.steps[i].depth);
        while (open.size() > depth)
            open.removeLast();
        const int parent = open.isEmpty() ? -1 : open.constLast();
        m_parent[i] = parent;
        m_children[parent < 0 ? n : parent].append(i);
        open.append(i);
    }
    endResetModel();
}

QModelIndex FollowChainModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const int list = parent.isValid() ? int(parent.internalId()) : int(m_chain.steps.size());
    if (row >= m_children.value(list).size())
        return {};
    return createIndex(row, column, quintptr(m_children[list][row]));
}

QModelIndex FollowChainModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_parent.value(int(child.internalId()), -1);
    if (parent < 0)
        return {};
    const int grand = m_parent[parent];
    const int row = int(m_children[grand < 0 ? m_chain.steps.size() : grand].indexOf(parent));
    return createIndex(row, 0, quintptr(parent));
}

int FollowChainModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const int list = parent.isValid() ? int(parent.internalId()) : int(m_chain.steps.size());
    return int(m_children.value(list).size());
}

int FollowChainModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString FollowChainModel::stepText(const Core::FollowStep &step) const
{
    if (step.process)
        return tr("%1 (pid %2)").arg(step.process->comm).arg(step.process->pid);
    const Core::HostLink &l = m_chain.links[*step.link];
    return tr("%1 → %2 %3")
        .arg(endpointText(l.clientAddr, l.clientPort), endpointText(l.serverAddr, l.serverPort), l.proto);
}

QString FollowChainModel::roleText(const Core::FollowStep &step) const
{
    if (step.role == QLatin1StringView("client"))
        return tr("client");
    if (step.role == QLatin1StringView("accept"))
        return tr("accepted the connection");
    if (step.role == QLatin1StringView("session"))
        return tr("ssh session (SSH_CONNECTION)");
    if (step.role == QLatin1StringView("descendant"))
        return tr("descendant");
    const Core::HostLink &l = m_chain.links[*step.link];
    return tr("connection to %1 (%2)").arg(m_chain.hostnames.value(l.serverHostId), l.evidence);
}

QString FollowChainModel::tooltip(const Core::FollowStep &step) const
{
    if (step.process)
        return tr("%1 on %2, uid %3\nstarted %4 (%2's clock)\ncorrected to %5's clock: %6")
            .arg(step.process->comm, m_chain.hostnames.value(step.hostId))
            .arg(step.process->uid ? Core::userText(*step.process->uid, step.process->userName) : QStringLiteral("?"))
            .arg(displayTime(step.rawTs), m_chain.hostnames.value(m_chain.originHostId), timeOrDash(step.correctedTs));
    const Core::HostLink &l = m_chain.links[*step.link];
    return tr("connect on %1: %2\naccept on %3: %4 (corrected %5)\nmatched by %6")
        .arg(m_chain.hostnames.value(l.clientHostId), displayTime(l.connectTs), m_chain.hostnames.value(l.serverHostId),
             timeOrDash(step.acceptRawTs), timeOrDash(step.acceptCorrectedTs), l.evidence);
}

QVariant FollowChainModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Core::FollowStep &step = m_chain.steps[qsizetype(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StepColumn:
            return stepText(step);
        case HostColumn:
            return m_chain.hostnames.value(step.hostId);
        case RoleColumn:
            return roleText(step);
        case RawTimeColumn:
            return displayTime(step.rawTs);
        case CorrectedTimeColumn:
            return timeOrDash(step.correctedTs);
        }
        return {};
    case Qt::ToolTipRole:
        return tooltip(step);
    case ProcessIdRole:
        return step.process ? QVariant(step.process->id) : QVariant();
    case HostIdRole:
        return step.hostId;
    }
    return {};
}

QVariant FollowChainModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Process / connection");
    case HostColumn:
        return tr("Host");
    case RoleColumn:
        return tr("Role");
    case RawTimeColumn:
        return tr("Time (host's clock)");
    case CorrectedTimeColumn:
        return m_chain.steps.isEmpty() ? tr("Corrected time")
                                       : tr("Time on %1's clock").arg(m_chain.hostnames.value(m_chain.originHostId));
    }
    return {};
}

QStringList FollowChainModel::notes() const
{
    QStringList lines;
    for (const Core::ClockOffset &o : m_chain.offsets)
        lines << tr("Clock of %1 − clock of %2: %3 (median of %n pair(s), from %4 to %5)", nullptr, o.pairs)
                     .arg(m_chain.hostnames.value(o.hostB), m_chain.hostnames.value(o.hostA),
                          Core::offsetText(o.offsetNs), Core::offsetText(o.minNs), Core::offsetText(o.maxNs));
    for (const Core::UnstitchedConnection &u : m_chain.unstitched)
        lines << tr("Not stitched: %1 → %2 at %3: %4")
                     .arg(endpointText(u.laddr, u.lport), endpointText(u.raddr, u.rport), displayTime(u.ts), u.reason);
    if (m_chain.unmonitoredConnections > 0)
        lines << tr("Not stitched: %n connection(s) to addresses of no monitored host (an unmonitored host, or "
                    "address translation)",
                    nullptr, int(m_chain.unmonitoredConnections));
    if (m_chain.links.isEmpty())
        lines << tr("No stitched connection: this process made none to another monitored host that the other host "
                    "recorded, and none reached it from one.");
    if (m_chain.truncated)
        lines << tr("The chain is cut: it has more steps than are shown.");
    return lines;
}

} // namespace Deck::Models
