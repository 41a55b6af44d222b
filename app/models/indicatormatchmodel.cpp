// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatormatchmodel.h"

#include "integritytext.h"
#include "objectrefrole.h"

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

constexpr int kMaxRows = 5000;

} // namespace

IndicatorMatchModel::IndicatorMatchModel(CaseSession &session, QObject *parent)
    : CaseListModel(session, ColumnCount, Follow::Case, parent)
{
}

int IndicatorMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant IndicatorMatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::IndicatorMatch &match = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return tableTime(match.ts);
        case Host:
            return match.hostname;
        case List:
            return match.list;
        case Severity:
            return severityText(match.severity);
        case Triage:
            return triageText(match.triage);
        case Title:
            return match.title;
        case Detail:
            return match.detail;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return fullTime(match.ts);
        if (index.column() == Title || index.column() == Detail)
            return index.data().toString();
        break;
    case Qt::ForegroundRole:
        if (index.column() == Severity)
            return severityColor(match.severity);
        break;
    case ObjectRefRole:
        return QVariant::fromValue(Core::ObjectRef{Core::ObjectType::Alert, match.alertId});
    }
    return {};
}

QVariant IndicatorMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Host:
        return tr("Host");
    case List:
        return tr("List");
    case Severity:
        return tr("Severity");
    case Triage:
        return tr("Triage");
    case Title:
        return tr("Alert");
    case Detail:
        return tr("What matched");
    }
    return {};
}

void IndicatorMatchModel::query()
{
    load(
        [](Core::Database &db) {
            bool truncated = false;
            auto rows = Core::IndicatorStore(db).matches(kMaxRows, &truncated);
            return std::pair{std::move(rows), truncated};
        },
        [this](std::pair<Core::Expected<QList<Core::IndicatorMatch>>, bool> result) {
            m_rows = result.first ? *result.first : QList<Core::IndicatorMatch>();
            setOutcome(result.second, result.first ? QString() : result.first.error().message);
        });
}

void IndicatorMatchModel::clearRows()
{
    m_rows.clear();
}

} // namespace Deck::Models
