// SPDX-License-Identifier: GPL-3.0-or-later
// The chain of custody of one host: every archive the case imported for it, per signing key in sequence order, with
// its time span, events, verification verdict, place in the hash chain, digest, signer, source, and who imported it
// and when. setHost() loads on the case's worker (a stale load is dropped); no host: no rows.
// Thread: the GUI thread.
#pragma once

#include "casetablemodel.h"
#include "hostarchivequeries.h"

#include <optional>

namespace Deck::Models {

class ArchiveListModel : public CaseTableModel
{
    Q_OBJECT
public:
    enum Column { Seq, From, To, Events, Verdict, Chain, Digest, Signer, Source, Imported, ImportedBy, ColumnCount };

    explicit ArchiveListModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setHost(std::optional<qint64> hostId);
    std::optional<qint64> host() const { return m_host; }
    void reload();
    const Core::ArchiveRow &archive(int row) const { return m_rows.at(row); }

private:
    void clear();
    QString text(const Core::ArchiveRow &a, int column) const;

    std::optional<qint64> m_host;
    QList<Core::ArchiveRow> m_rows;
};

} // namespace Deck::Models
