// SPDX-License-Identifier: GPL-3.0-or-later
// The notes (and which objects are bookmarked) of the open case for the views that show them beside their objects (a
// marker and the note as tool tip in the events table and the process tree; a marker for a note or a bookmark in the
// graphs): read on the session's worker when the case opens and again after every change of a mark
// (CaseMarks::changed), delivered by notesChanged(), keyed by object. Marks are made by people (a few hundred at
// most), so all of them are read at once.
// Thread: the GUI thread.
#pragma once

#include "casenotes.h"
#include "casesession.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QSet>

namespace Deck::Models {

// The text of the notes on each object, several joined by new lines; keyed by (int(ObjectType), id).
using NoteTexts = QHash<QPair<int, qint64>, QString>;

// The colour of the marker beside an object with a note (or, in the graphs, a bookmark), in every view.
QColor noteMarkerColor();

class NotesFeed : public QObject
{
    Q_OBJECT
public:
    explicit NotesFeed(CaseSession &session, QObject *parent = nullptr);

    const NoteTexts &notes() const { return m_notes; }
    QString noteOf(const Core::ObjectRef &object) const { return m_notes.value({int(object.type), object.id}); }
    bool isBookmarked(const Core::ObjectRef &object) const
    {
        return m_bookmarked.contains({int(object.type), object.id});
    }

Q_SIGNALS:
    void notesChanged();

private:
    void load();

    CaseSession &m_session;
    NoteTexts m_notes;
    QSet<QPair<int, qint64>> m_bookmarked;
    quint64 m_generation = 0;
};

} // namespace Deck::Models
