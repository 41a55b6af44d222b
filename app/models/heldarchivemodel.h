// SPDX-License-Identifier: GPL-3.0-or-later
// What waits for the analyst's decision or was turned away: the archives held in quarantine (valid, signed by a key
// not trusted yet; or a fork of their host's chain) with their signer's fingerprint, followed by the archives the
// importer refused (another key than the one trusted for their host), from the audit log. decision(row) is what the
// trust dialog asks about that row's signer (TrustDecision: may it be trusted at all, and if not, why).
// Thread: the GUI thread; the rows are read on the case's worker.
#pragma once

#include "casetablemodel.h"
#include "hostoverview.h"
#include "trustdecision.h"

namespace Deck::Models {

class HeldArchiveModel : public CaseTableModel
{
    Q_OBJECT
public:
    enum Column { State, Host, Seq, Signer, Events, Since, File, ColumnCount };

    explicit HeldArchiveModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();
    // Held archives (refusals not counted).
    int heldCount() const { return int(m_quarantine.held.size()); }
    bool isRefusal(int row) const { return row >= heldCount(); }
    TrustDecision decision(int row) const;

private:
    void clear();
    QString text(int row, int column) const;

    Quarantine m_quarantine;
};

} // namespace Deck::Models
