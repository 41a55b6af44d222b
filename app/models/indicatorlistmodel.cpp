// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorlistmodel.h"

#include "integritytext.h"

using namespace Qt::StringLiterals;

namespace Deck::Models {

IndicatorListModel::IndicatorListModel(CaseSession &session, QObject *parent)
    : CaseListModel(session, ColumnCount, Follow::Case, parent)
{
}

int IndicatorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant IndicatorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::IndicatorListInfo &list = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return list.name;
        case Indicators:
            return list.indicators;
        case Matches:
            return list.matches;
        case Updated:
            return tableTime(list.fetchedTs);
        case Checked:
            return tableTime(list.checkedTs);
        case Source:
            return list.source;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Indicators:
            return tr("%1 addresses or ranges, %2 domains, %3 digests, %4 path patterns; %5 lines rejected")
                .arg(list.counts.value(u"address"_s))
                .arg(list.counts.value(u"domain"_s))
                .arg(list.counts.value(u"digest"_s))
                .arg(list.counts.value(u"path"_s))
                .arg(list.badLines);
        case Updated:
            return fullTime(list.fetchedTs);
        case Checked:
            return fullTime(list.checkedTs);
        case Source:
            return list.fromUrl ? tr("%1\nETag %2, Last-Modified %3\nBLAKE2b-256 %4")
                                      .arg(list.source, list.etag, list.lastModified, list.digest)
                                : tr("%1\nBLAKE2b-256 %2").arg(list.source, list.digest);
        }
    } else if (role == Qt::TextAlignmentRole && (index.column() == Indicators || index.column() == Matches)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant IndicatorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("List");
    case Indicators:
        return tr("Indicators");
    case Matches:
        return tr("Matches");
    case Updated:
        return tr("Updated (UTC)");
    case Checked:
        return tr("Checked (UTC)");
    case Source:
        return tr("Source");
    }
    return {};
}

void IndicatorListModel::query()
{
    load([](Core::Database &db) { return Core::IndicatorStore(db).lists(); },
         [this](Core::Expected<QList<Core::IndicatorListInfo>> lists) {
             m_rows = lists ? *lists : QList<Core::IndicatorListInfo>();
             setOutcome(false, lists ? QString() : lists.error().message);
         });
}

void IndicatorListModel::clearRows()
{
    m_rows.clear();
}

} // namespace Deck::Models
