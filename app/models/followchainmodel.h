// SPDX-License-Identifier: GPL-3.0-or-later
// The chain of "follow process" (Core::FollowChain) as a tree: each process or connection step under the step one
// level above it (the client, its connection, the server's accepting process, its descendants...). Columns: the
// step (process name and pid, or the connection's ends), its host, its role, its raw time (the host's own clock) and
// its time corrected to the clock of the chain's first host; a connection's times are the client's connect and, in
// the tooltip, the server's accept. The whole chain is set at once (it is bounded); setChain() resets the model.
// Thread: the GUI thread.
#pragma once

#include "followchain.h"

#include <QAbstractItemModel>

namespace Deck::Models {

class FollowChainModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { StepColumn, HostColumn, RoleColumn, RawTimeColumn, CorrectedTimeColumn, ColumnCount };
    enum Role { ProcessIdRole = Qt::UserRole + 1, HostIdRole };

    explicit FollowChainModel(QObject *parent = nullptr);

    void setChain(Core::FollowChain chain);
    const Core::FollowChain &chain() const { return m_chain; }
    // The clock offsets the chain used and what could not be stitched, one line each, for people.
    QStringList notes() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stepText(const Core::FollowStep &step) const;
    QString roleText(const Core::FollowStep &step) const;
    QString tooltip(const Core::FollowStep &step) const;

    Core::FollowChain m_chain;
    QList<int> m_parent; // per step: the index of its parent step, -1 for a top one
    QList<QList<int>> m_children; // per step; the last entry holds the top steps
};

} // namespace Deck::Models
