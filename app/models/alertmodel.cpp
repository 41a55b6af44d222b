// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertmodel.h"

#include "changetext.h"
#include "integritytext.h"
#include "objectrefrole.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace Deck::Models {

AlertModel::AlertModel(CaseSession &session, QObject *parent)
    : CaseListModel(session, ColumnCount, Follow::Selection, parent)
{
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_rows.at(index.row());
    const Core::AlertRow &row = entry.row;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return tableTime(row.ts);
        case Host:
            return row.hostname;
        case Severity:
            return severityText(row.severity);
        case Title:
            return row.title;
        case Summary:
            return entry.summary;
        case Triage:
            return triageText(row.triage);
        case TriagedBy:
            return row.triageBy;
        case TriagedAt:
            return row.triageTs ? tableTime(*row.triageTs) : QString();
        case Rule:
            return row.rule.isEmpty() ? tr("integrity check") : row.rule;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return fullTime(row.ts);
        if (index.column() == TriagedAt && row.triageTs)
            return fullTime(*row.triageTs);
        if (index.column() == Summary || index.column() == Title)
            return index.data().toString();
        break;
    case Qt::ForegroundRole:
        if (index.column() == Severity)
            return severityColor(row.severity);
        if (index.column() == Triage)
            return triageColor(row.triage);
        break;
    case Qt::FontRole:
        if (index.column() == Triage && row.triage == "new"_L1) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case ObjectRefRole:
        return QVariant::fromValue(Core::ObjectRef{Core::ObjectType::Alert, row.id});
    case AlertIdRole:
        return row.id;
    case StateChangeIdRole:
        return row.stateChangeId ? QVariant(*row.stateChangeId) : QVariant();
    case DetailRole:
        return row.detail;
    case TriageRole:
        return row.triage;
    case HostIdRole:
        return row.hostId;
    default:
        break;
    }
    return {};
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Host:
        return tr("Host");
    case Severity:
        return tr("Severity");
    case Title:
        return tr("Alert");
    case Summary:
        return tr("What changed or matched");
    case Triage:
        return tr("Triage");
    case TriagedBy:
        return tr("Triaged by");
    case TriagedAt:
        return tr("Triaged at (UTC)");
    case Rule:
        return tr("Rule");
    }
    return {};
}

void AlertModel::setTriageFilter(const QStringList &states)
{
    if (states == m_triageFilter)
        return;
    m_triageFilter = states;
    reload();
}

int AlertModel::rowOfAlert(qint64 alertId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).row.id == alertId)
            return i;
    }
    return -1;
}

void AlertModel::query()
{
    Core::AlertFilter filter;
    filter.hostId = session().selection().host();
    filter.range = session().selection().timeRange();
    filter.triage = m_triageFilter;
    load(
        [filter](Core::Database &db) {
            Result result;
            auto alerts = Core::IntegrityQueries(db).alerts(filter);
            if (!alerts) {
                result.error = alerts.error().message;
                return result;
            }
            result.truncated = alerts->truncated;
            for (Core::AlertRow &row : alerts->rows) {
                // An alert whose state change is not in the case has nothing to describe.
                QString summary = !row.ruleDetail.isEmpty() ? row.ruleDetail
                    : row.detail.isEmpty()                  ? QString()
                                                            : changeSummary(readChange(row.detail));
                result.entries.append({std::move(row), std::move(summary)});
            }
            return result;
        },
        [this](Result result) {
            m_rows = std::move(result.entries);
            setOutcome(result.truncated, result.error);
        });
}

void AlertModel::clearRows()
{
    m_rows.clear();
}

} // namespace Deck::Models
