// SPDX-License-Identifier: GPL-3.0-or-later
// Bookmarks and notes in a graph (the file access graph, the network map): the context menu and keys of MarkActions
// (Bookmark, Ctrl+B; Add Note..., Ctrl+Alt+C) on the node under the cursor or the current node, for the nodes that
// name a case object (a process, a file's interned path, a host, a remote address: Models::markableObject()), and a
// marker before the label of every node whose object has a bookmark or a note (Models::NotesFeed; the tables' ribbon
// and square, markdecoration.h), with the note in its tooltip; a remote address's node also shows the marks on its
// address:port endpoints. The markers follow both the marks (any view's change) and the graph (each new document).
// Thread: the GUI thread. A child of the view.
#pragma once

#include "casenotes.h"
#include "casesession.h"
#include "endpointmarks.h"
#include "graphcontroller.h"

#include <QObject>

namespace Deck::Models {
class NotesFeed;
}

namespace Deck::Gui {

class GraphView;
class MarkActions;

class GraphMarks : public QObject
{
    Q_OBJECT
public:
    GraphMarks(GraphView *view, const Models::GraphController &controller, Models::CaseSession &session);

    MarkActions *actions() const { return m_actions; }

private:
    std::optional<Core::MarkTarget> objectOf(const QString &key) const;
    void showMarks();

    GraphView *m_view;
    const Models::GraphController &m_controller;
    Models::NotesFeed *m_feed;
    MarkActions *m_actions;
};

} // namespace Deck::Gui
