// SPDX-License-Identifier: GPL-3.0-or-later
#include "caselistmodel.h"

#include "casemarks.h"

namespace Deck::Models {

CaseListModel::CaseListModel(CaseSession &session, int columns, Follow follow, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_columns(columns)
{
    connect(&session, &CaseSession::opened, this, &CaseListModel::reload);
    connect(&session, &CaseSession::closed, this, &CaseListModel::clear);
    connect(&CaseMarks::of(session), &CaseMarks::changed, this, &CaseListModel::reload);
    if (follow == Follow::Selection) {
        connect(&session.selection(), &SelectionHub::hostChanged, this, &CaseListModel::reload);
        connect(&session.selection(), &SelectionHub::timeRangeChanged, this, &CaseListModel::reload);
    }
    // A model made while a case is open (a page created after the case was opened) loads it too; queued, because
    // query() belongs to the subclass, which is not constructed yet.
    if (session.isOpen())
        QMetaObject::invokeMethod(this, &CaseListModel::reload, Qt::QueuedConnection);
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

void CaseListModel::reload()
{
    ++m_generation;
    if (!m_session.isOpen()) {
        clear();
        return;
    }
    query();
}

void CaseListModel::setOutcome(bool truncated, const QString &error)
{
    m_truncated = truncated;
    m_error = error;
}

void CaseListModel::clear()
{
    ++m_generation;
    beginResetModel();
    clearRows();
    setOutcome(false, {});
    endResetModel();
}

} // namespace Deck::Models
