// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostlistmodel.h"

#include "clockoffsets.h"
#include "displaytext.h"

#include <QFont>
#include <cmath>

namespace Deck::Models {

HostListModel::HostListModel(CaseSession &session, QObject *parent)
    : CaseTableModel(session, parent)
{
    connect(&session, &CaseSession::opened, this, &HostListModel::reload);
    connect(&session, &CaseSession::closed, this, &HostListModel::clear);
    if (session.isOpen())
        reload();
}

void HostListModel::reload()
{
    fetch([](Core::Database &db) { return loadHostOverview(db); },
          [this](QList<HostOverview> hosts) {
              beginResetModel();
              m_hosts = std::move(hosts);
              endResetModel();
              estimateOffsets();
          });
}

void HostListModel::estimateOffsets()
{
    if (!m_offsetWorker)
        m_offsetWorker = session().openWorker();
    const quint64 generation = ++m_offsetGeneration;
    if (m_offsetState != OffsetState::Done)
        m_offsetState = OffsetState::Estimating; // else the last estimate shows until this one lands
    using Result = Core::Expected<HostClockOffsets>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_offsetGeneration || watcher->future().resultCount() == 0)
            return;
        const Result result = watcher->result();
        m_offsetState = result ? OffsetState::Done : OffsetState::Failed;
        m_offsets = result ? *result : HostClockOffsets();
        m_offsetError = result ? QString() : result.error().message;
        if (!m_hosts.isEmpty())
            Q_EMIT dataChanged(index(0, Clock), index(int(m_hosts.size()) - 1, Clock));
        Q_EMIT offsetsEstimated();
    });
    watcher->setFuture(m_offsetWorker->run([](Core::Database &db) { return loadHostClockOffsets(db); }));
}

void HostListModel::clear()
{
    dropPending();
    ++m_offsetGeneration;
    m_offsetWorker.reset(); // its connection goes with the case (after the estimate running, if any)
    m_offsets.clear();
    m_offsetState = OffsetState::Idle;
    beginResetModel();
    m_hosts.clear();
    endResetModel();
}

int HostListModel::rowOfHost(qint64 hostId) const
{
    for (int row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).hostId == hostId)
            return row;
    }
    return -1;
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

int HostListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Host:
        return tr("Host");
    case Trust:
        return tr("Trust");
    case Key:
        return tr("Key");
    case Archives:
        return tr("Archives");
    case Chain:
        return tr("Chain");
    case LastArchive:
        return tr("Last archive (UTC)");
    case Span:
        return tr("Span");
    case Coverage:
        return tr("Coverage");
    case Clock:
        return tr("Clock offset");
    }
    return {};
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HostOverview &h = m_hosts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(h, index.column());
    case Qt::ToolTipRole:
        return toolTip(h, index.column());
    case Qt::ForegroundRole:
        if (isProblem(h, index.column()))
            return h.hostId && h.conflicting == 0 ? warningColor() : alarmColor();
        return {};
    case Qt::FontRole:
        if (index.column() == Host) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case HostIdRole:
        return h.hostId ? QVariant(*h.hostId) : QVariant();
    case MachineIdRole:
        return h.machineId;
    }
    return {};
}

bool HostListModel::isProblem(const HostOverview &h, int column) const
{
    switch (column) {
    case Host:
    case Trust:
        return h.held > 0 || !h.hostId;
    case Archives:
        return h.forks > 0 || h.held > 0;
    case Chain:
        return h.chainState() == QLatin1String("gap") || h.chainState() == QLatin1String("fork");
    case Coverage:
        return h.lostEvents > 0 || h.crashes > 0;
    }
    return false;
}

QString HostListModel::text(const HostOverview &h, int column) const
{
    switch (column) {
    case Host:
        return h.hostname.isEmpty() ? h.machineId : h.hostname;
    case Trust:
        if (!h.hostId)
            return tr("untrusted: %n held", nullptr, int(h.held));
        if (h.conflicting > 0)
            return tr("KEY CONFLICT: %1 held").arg(h.conflicting);
        return h.held > 0 ? tr("trusted; %n held", nullptr, int(h.held)) : tr("trusted");
    case Key:
        if (h.keys.isEmpty())
            return h.heldFingerprints.isEmpty() ? QString() : shortId(h.heldFingerprints.constFirst());
        return h.keys.size() > 1 ? tr("%1 (+%2)").arg(shortId(h.keys.constLast().fingerprint)).arg(h.keys.size() - 1)
                                 : shortId(h.keys.constFirst().fingerprint);
    case Archives: {
        QStringList parts;
        if (h.archives > 0)
            parts << tr("%n verified", nullptr, int(h.archives));
        if (h.forks > 0)
            parts << tr("forks held: %1").arg(h.forks);
        if (h.conflicting > 0)
            parts << tr("%1 signed by another key").arg(h.conflicting);
        if (h.held > h.conflicting)
            parts << tr("%1 awaiting trust").arg(h.held - h.conflicting);
        return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
    }
    case Chain:
        if (h.forks > 0)
            return tr("fork");
        if (h.missingArchives > 0)
            return tr("gap: %n missing", nullptr, int(h.missingArchives));
        return h.archives > 0 ? tr("intact") : tr("none yet");
    case LastArchive:
        return h.lastTs ? utcText(*h.lastTs, kTableTimePrecision) : QString();
    case Span:
        return h.firstTs && h.lastTs ? durationText(*h.lastTs - *h.firstTs) : QString();
    case Clock:
        return offsetCell(h);
    case Coverage: {
        const auto share = h.recordedShare();
        if (!share)
            return {};
        // Rounded down, so that a host with any downtime never reads 100%.
        QStringList parts{tr("%1% recorded").arg(std::floor(*share * 1000.0) / 10.0, 0, 'f', 1)};
        if (h.crashes > 0)
            parts << (h.crashes == 1 ? tr("1 crash") : tr("%1 crashes").arg(h.crashes));
        if (h.lostEvents > 0)
            parts << tr("%1 lost").arg(h.lostEvents);
        return parts.join(QStringLiteral(" \u00b7 "));
    }
    }
    return {};
}

QString HostListModel::toolTip(const HostOverview &h, int column) const
{
    switch (column) {
    case Host:
        if (!h.hostId)
            return tr("%1\nmachine id %2\nknown only from archives held for a trust decision")
                .arg(h.hostname, h.machineId);
        return tr("%1\nmachine id %2\n%3, kernel %4").arg(h.hostname, h.machineId, h.os, h.kernel);
    case Trust:
    case Key: {
        QStringList lines;
        for (const Core::TrustedHostKey &k : h.keys)
            lines << tr("trusted %1 (%2) since %3 UTC by %4")
                         .arg(k.fingerprint, k.label, utcText(k.trustedTs, kTableTimePrecision), k.trustedBy);
        for (const QString &f : h.heldFingerprints)
            lines << tr("held, not trusted: %1").arg(f);
        return lines.join(u'\n');
    }
    case Archives:
        return tr("%1 archive(s) verified and imported, %2 event(s)").arg(h.archives).arg(h.events);
    case Chain:
        return tr("%n archive(s) missing from the hash chain, %1 fork(s) held", nullptr, int(h.missingArchives))
            .arg(h.forks);
    case LastArchive:
        return h.lastImportTs ? tr("last imported %1").arg(utcText(h.lastImportTs, kTableTimePrecision)) : QString();
    case Span:
        return h.firstTs && h.lastTs
            ? tr("%1 to %2").arg(utcText(*h.firstTs, kTableTimePrecision), utcText(*h.lastTs, kTableTimePrecision))
            : QString();
    case Clock:
        return offsetToolTip(h);
    case Coverage:
        if (!h.recordedShare())
            return {};
        return tr("collector not recording for %1 in %n interval(s) (%2 without a clean stop); %3 event(s) reported "
                  "lost",
                  nullptr, h.downtimes)
            .arg(durationText(h.downtimeNs))
            .arg(h.crashes)
            .arg(h.lostEvents);
    }
    return {};
}

QString HostListModel::offsetCell(const HostOverview &h) const
{
    if (!h.hostId)
        return {};
    if (m_offsetState == OffsetState::Failed)
        return tr("not estimated");
    if (m_offsetState != OffsetState::Done)
        return tr("estimating...");
    const QList<PeerClockOffset> peers = m_offsets.value(*h.hostId);
    if (peers.isEmpty())
        return tr("no pairs");
    QStringList parts;
    for (const PeerClockOffset &p : peers)
        parts << tr("%1 vs %2 (range %3 to %4, %n pair(s))", nullptr, p.pairs)
                     .arg(Core::offsetText(p.offsetNs), p.peer, Core::offsetText(p.minNs), Core::offsetText(p.maxNs));
    return parts.join(QStringLiteral("; "));
}

QString HostListModel::offsetToolTip(const HostOverview &h) const
{
    if (!h.hostId || m_offsetState == OffsetState::Estimating || m_offsetState == OffsetState::Idle)
        return {};
    if (m_offsetState == OffsetState::Failed)
        return m_offsetError;
    const QList<PeerClockOffset> peers = m_offsets.value(*h.hostId);
    if (peers.isEmpty())
        return tr("No connection between %1 and another monitored host was stitched, so its clock offset cannot be "
                  "estimated. Times are always shown as each host recorded them.")
            .arg(h.hostname);
    QStringList lines;
    for (const PeerClockOffset &p : peers)
        lines << tr("clock of %1 minus clock of %2: median %3, from %4 to %5 over %n stitched connection(s)", nullptr,
                    p.pairs)
                     .arg(h.hostname, p.peer, Core::offsetText(p.offsetNs), Core::offsetText(p.minNs),
                          Core::offsetText(p.maxNs));
    return lines.join(u'\n');
}

} // namespace Deck::Models
