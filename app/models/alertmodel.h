// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts of the open case (raised by the importer from high-severity state changes, and by detection rules and
// indicators through raiseAlert) with their triage: time (UTC), host, severity, triage state, who triaged and when,
// title, what changed (changetext.h) or what matched (a rule alert's detail), and the rule. Filtered to the
// triage states of setTriageFilter() (every state when empty) and to the shared selection's host and time range
// (caselistmodel.h: it reloads after every mark change, triage included). At most 5000 rows (truncated()).
// Thread: the GUI thread.
#pragma once

#include "caselistmodel.h"
#include "integrityqueries.h"

namespace Deck::Models {

class AlertModel : public CaseListModel
{
    Q_OBJECT
public:
    enum Column { Time, Host, Severity, Triage, TriagedBy, TriagedAt, Title, Summary, Rule, ColumnCount };
    enum Role { AlertIdRole = Qt::UserRole + 1, StateChangeIdRole, DetailRole, TriageRole, HostIdRole };

    explicit AlertModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Triage state names (casenotes.h triageName); empty: every alert.
    void setTriageFilter(const QStringList &states);
    const QStringList &triageFilter() const { return m_triageFilter; }
    const Core::AlertRow &row(int row) const { return m_rows.at(row).row; }
    // The row of an alert, or -1.
    int rowOfAlert(qint64 alertId) const;

protected:
    void query() override;
    void clearRows() override;

private:
    struct Entry
    {
        Core::AlertRow row;
        QString summary;
    };
    struct Result
    {
        QList<Entry> entries;
        bool truncated = false;
        QString error;
    };

    QList<Entry> m_rows;
    QStringList m_triageFilter;
};

} // namespace Deck::Models
