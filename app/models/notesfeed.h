// SPDX-License-Identifier: GPL-3.0-or-later
// The notes (and which objects are bookmarked) of the open case for the views that show them beside their objects (a
// marker and the note as tool tip in the events table and the process tree; a marker for a note or a bookmark in the
// graphs): read on the session's worker when the case opens and again after every change of a mark
// (CaseMarks::changed), delivered by notesChanged(), keyed by object. Marks are made by people (a few hundred at
// most), so all of them are read at once, with the address and port of every marked remote endpoint, so that a view
// can ask about an endpoint it knows only by address (a MarkTarget) without a query.
// Thread: the GUI thread.
#pragma once

#include "casenotes.h"
#include "casesession.h"
#include "endpointmarks.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QSet>

namespace Deck::Models {

// The text of the notes on each object, several joined by new lines; keyed by (int(ObjectType), id).
using NoteTexts = QHash<QPair<int, qint64>, QString>;
// The objects with a bookmark, keyed as NoteTexts.
using BookmarkedObjects = QSet<QPair<int, qint64>>;

// The colour of the marker beside an object with a note (or, in the graphs, a bookmark), in every view.
QColor noteMarkerColor();
// The colour of the marker beside a bookmarked object in the tables (the note's marker follows it when it has both).
QColor bookmarkMarkerColor();

class NotesFeed : public QObject
{
    Q_OBJECT
public:
    explicit NotesFeed(CaseSession &session, QObject *parent = nullptr);

    const NoteTexts &notes() const { return m_notes; }
    const BookmarkedObjects &bookmarked() const { return m_bookmarked; }
    QString noteOf(const Core::MarkTarget &target) const;
    bool isBookmarked(const Core::MarkTarget &target) const;
    // The marked endpoints with this address and a port (an address:port mark), in port order.
    QList<Core::RemoteEndpoint> markedPortsOf(const QString &address) const;

Q_SIGNALS:
    void notesChanged();

private:
    void load();
    // The object of `target`: itself, or the endpoint's row when it is marked; none for an endpoint with no mark.
    std::optional<QPair<int, qint64>> keyOf(const Core::MarkTarget &target) const;

    CaseSession &m_session;
    NoteTexts m_notes;
    BookmarkedObjects m_bookmarked;
    QHash<QString, qint64> m_endpoints; // endpointText() -> row, of the marked endpoints
    QMultiHash<QString, qint64> m_ports; // address -> port, of the marked address:port endpoints
    quint64 m_generation = 0;
};

} // namespace Deck::Models
