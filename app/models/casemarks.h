// SPDX-License-Identifier: GPL-3.0-or-later
// The analyst's marks on the open case — bookmarks, notes, alert triage (Core::CaseNotes, each change audited) —
// changed off the GUI thread on the case's one writer (CaseSession::writer(), after the imports queued before them, so
// that a mark made while an import runs waits for its turn instead of meeting it as "database is locked"). There is one CaseMarks per session (of()), so that every view
// that shows marks hears changed() whichever view made the change.
// Each operation returns a future whose value is empty on success or the error naming the object and the reason;
// a change made while no case is open fails with that reason. changed() follows every successful change.
// Thread: the GUI thread.
#pragma once

#include "casenotes.h"
#include "casesession.h"
#include "endpointmarks.h"

namespace Deck::Models {

class CaseMarks : public QObject
{
    Q_OBJECT
public:
    // The CaseMarks of `session`, created on first use as its child.
    static CaseMarks &of(CaseSession &session);

    // Adds a bookmark unless the object has one already (then succeeds without a second). A remote endpoint is
    // interned first (endpointmarks.h).
    QFuture<QString> bookmark(const Core::MarkTarget &target, const QString &label = {});
    QFuture<QString> removeBookmark(qint64 bookmarkId);
    QFuture<QString> addNote(const Core::MarkTarget &target, const QString &text);
    QFuture<QString> editNote(qint64 noteId, const QString &text);
    QFuture<QString> removeNote(qint64 noteId);
    QFuture<QString> setTriage(qint64 alertId, Core::Triage triage);

Q_SIGNALS:
    void changed();

private:
    explicit CaseMarks(CaseSession &session);
    // Runs `change(CaseNotes &)` (or `change(CaseNotes &, Database &)`) on the writer; the future's value is its error
    // message, empty on success.
    template <typename Change> QFuture<QString> submit(Change change);

    CaseSession &m_session;
};

} // namespace Deck::Models
