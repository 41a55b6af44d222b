// SPDX-License-Identifier: GPL-3.0-or-later
// What the list models of the integrity and bookmarks pages share: they load the open case when they are made while
// one is open (on the next pass of the event loop: a page created after the case was opened), reload when the case
// opens, after every mark change (CaseMarks::changed: bookmarks, notes, triage) and — when they follow the selection —
// when the shared host or time range changes; they empty themselves when the case closes. A load runs on the
// session's worker (load()), tagged with a generation number so that the answer of a superseded load is dropped, and
// is applied inside one model reset; loaded() follows. error() and truncated() describe the last load.
// Thread: the GUI thread.
#pragma once

#include "casesession.h"
#include "queryresult.h"

#include <QAbstractTableModel>

namespace Deck::Models {

class CaseListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    int columnCount(const QModelIndex &parent = {}) const override;

    bool truncated() const { return m_truncated; }
    const QString &error() const { return m_error; }

    void reload();

Q_SIGNALS:
    void loaded();

protected:
    enum class Follow { Case, Selection };
    CaseListModel(CaseSession &session, int columns, Follow follow, QObject *parent);

    CaseSession &session() const { return m_session; }
    // Starts the query of the rows (the case is open): calls load().
    virtual void query() = 0;
    // Forgets the rows (inside a model reset).
    virtual void clearRows() = 0;

    // Runs `job(Database &)` on the worker; then, unless a newer load started, `apply(result)` inside a model reset.
    template <typename Job, typename Apply> void load(Job job, Apply apply)
    {
        const quint64 generation = m_generation;
        whenDone(m_session.worker(), this, std::move(job),
                 [this, generation, apply = std::move(apply)](auto result) {
                     if (generation != m_generation)
                         return;
                     beginResetModel();
                     apply(std::move(result));
                     endResetModel();
                     Q_EMIT loaded();
                 });
    }
    void setOutcome(bool truncated, const QString &error);

private:
    void clear();

    CaseSession &m_session;
    int m_columns;
    quint64 m_generation = 0;
    bool m_truncated = false;
    QString m_error;
};

} // namespace Deck::Models
