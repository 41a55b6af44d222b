// SPDX-License-Identifier: GPL-3.0-or-later
// Every host of the open case, one row each, with its trust state, archives and their verdicts, chain state, last
// archive, span and coverage (HostOverview); hosts the case knows only from held archives (new hosts waiting for a
// trust decision) are rows too, without a host id. Loads when the case opens and on reload(); empties when it
// closes. Problem states (held archives, a gap, a fork, a conflict) are drawn in warning colours; the full text of
// every shortened cell is its tooltip. The clock column shows each host's clock offset against the monitored hosts it
// talked to (hostclockoffsets.h: median, range, pairs; "no pairs" when none), estimated on a worker of the model's
// own after the rows are shown ("estimating..." until then), so that stitching a large case never delays the rows
// or other views' queries.
// Thread: the GUI thread; the rows are gathered on the case's worker.
#pragma once

#include "casetablemodel.h"
#include "hostclockoffsets.h"
#include "hostoverview.h"

#include <memory>

namespace Deck::Models {

class HostListModel : public CaseTableModel
{
    Q_OBJECT
public:
    // Archives: their count by verdict (verified, forks held, awaiting trust). Key last: long, and in Trust's tooltip.
    enum Column { Host, Trust, Archives, Chain, Coverage, LastArchive, Span, Clock, Key, ColumnCount };
    enum Role { HostIdRole = Qt::UserRole + 1, MachineIdRole };

    explicit HostListModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();
    const HostOverview &host(int row) const { return m_hosts.at(row); }
    // The row of the host with this id, -1 when none.
    int rowOfHost(qint64 hostId) const;
    bool isEstimatingOffsets() const { return m_offsetState == OffsetState::Estimating; }

Q_SIGNALS:
    void offsetsEstimated(); // the clock column changed (estimated, or failed: its tooltip says why)

private:
    enum class OffsetState { Idle, Estimating, Done, Failed };
    void estimateOffsets();
    QString offsetCell(const HostOverview &h) const;
    QString offsetToolTip(const HostOverview &h) const;
    void clear();
    QString text(const HostOverview &h, int column) const;
    QString toolTip(const HostOverview &h, int column) const;
    bool isProblem(const HostOverview &h, int column) const;

    QList<HostOverview> m_hosts;
    std::unique_ptr<CaseWorker> m_offsetWorker; // stitching, off the views' worker
    HostClockOffsets m_offsets;
    OffsetState m_offsetState = OffsetState::Idle;
    QString m_offsetError;
    quint64 m_offsetGeneration = 0;
};

} // namespace Deck::Models
