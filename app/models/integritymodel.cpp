// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritymodel.h"

#include "integritytext.h"
#include "objectrefrole.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

int severityRank(const QString &severity)
{
    return severity == "high"_L1 ? 3 : severity == "medium"_L1 ? 2 : severity == "low"_L1 ? 1 : 0;
}

} // namespace

IntegrityModel::IntegrityModel(CaseSession &session, QObject *parent)
    : CaseListModel(session, ColumnCount, Follow::Selection, parent)
{
}

int IntegrityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant IntegrityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_rows.at(index.row());
    const Core::IntegrityRow &row = entry.row;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return tableTime(row.ts);
        case Host:
            return row.hostname;
        case Check:
            return row.check;
        case Severity:
            return severityText(row.severity);
        case Summary:
            return entry.summary;
        case Alert:
            return row.alertId ? triageText(row.triage) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return fullTime(row.ts);
        if (index.column() == Summary)
            return entry.summary;
        break;
    case Qt::ForegroundRole:
        if (index.column() == Severity)
            return severityColor(row.severity);
        if (index.column() == Alert)
            return triageColor(row.triage);
        if (!entry.readout.readable)
            return QColor(0xc6, 0x28, 0x28);
        break;
    case Qt::FontRole:
        if (index.column() == Severity && row.severity == "high"_L1) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case ObjectRefRole:
        // A kernel log line (host_events) is no object type of the case notes: nothing to bookmark.
        if (row.source == Core::IntegrityRow::Source::StateChange)
            return QVariant::fromValue(Core::ObjectRef{Core::ObjectType::StateChange, row.id});
        return {};
    case DetailRole:
        return row.detail;
    case AlertIdRole:
        return row.alertId ? QVariant(*row.alertId) : QVariant();
    case HostIdRole:
        return row.hostId;
    default:
        break;
    }
    return {};
}

QVariant IntegrityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Host:
        return tr("Host");
    case Check:
        return tr("Check");
    case Severity:
        return tr("Severity");
    case Summary:
        return tr("What changed");
    case Alert:
        return tr("Alert");
    }
    return {};
}

// The row of each persistent index is found again by its (source, id), unique in the list.
void IntegrityModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    auto keyOf = [](const Entry &e) { return e.row.id * 2 + int(e.row.source); };
    QList<qint64> keys;
    for (const QModelIndex &index : before)
        keys << keyOf(m_rows.at(index.row()));
    sortRows();
    QHash<qint64, int> rowOf;
    for (int i = 0; i < m_rows.size(); ++i)
        rowOf.insert(keyOf(m_rows.at(i)), i);
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i)
        after << index(rowOf.value(keys.at(i)), before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void IntegrityModel::sortRows()
{
    const int column = m_sortColumn;
    auto key = [column](const Entry &e) -> std::tuple<QString, qint64, qint64> {
        switch (column) {
        case Host:
            return {e.row.hostname, e.row.ts, e.row.id};
        case Check:
            return {e.row.check, e.row.ts, e.row.id};
        case Severity:
            return {QString(), severityRank(e.row.severity), e.row.ts};
        case Summary:
            return {e.summary, e.row.ts, e.row.id};
        case Alert:
            return {e.row.triage, e.row.ts, e.row.id};
        default:
            return {QString(), e.row.ts, e.row.id * 2 + int(e.row.source)};
        }
    };
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [&](const Entry &a, const Entry &b) { return ascending ? key(a) < key(b) : key(b) < key(a); });
}

int IntegrityModel::rowOfStateChange(qint64 stateChangeId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const auto &row = m_rows.at(i).row;
        if (row.source == Core::IntegrityRow::Source::StateChange && row.id == stateChangeId)
            return i;
    }
    return -1;
}

void IntegrityModel::query()
{
    Core::IntegrityFilter filter;
    filter.hostId = session().selection().host();
    filter.range = session().selection().timeRange();
    filter.limit = m_limit;
    load(
        [filter](Core::Database &db) {
            Result result;
            auto changes = Core::IntegrityQueries(db).changes(filter);
            if (!changes) {
                result.error = changes.error().message;
                return result;
            }
            result.truncated = changes->truncated;
            for (Core::IntegrityRow &row : changes->rows) {
                Entry entry{std::move(row), {}, {}};
                entry.readout = readChange(entry.row.detail);
                entry.summary = changeSummary(entry.readout);
                result.entries.append(std::move(entry));
            }
            return result;
        },
        [this](Result result) {
            m_rows = std::move(result.entries);
            setOutcome(result.truncated, result.error);
            sortRows();
        });
}

void IntegrityModel::clearRows()
{
    m_rows.clear();
}

} // namespace Deck::Models
