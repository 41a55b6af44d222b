// SPDX-License-Identifier: GPL-3.0-or-later
// Bookmarks and notes on any view, in one call: MarkActions::attach(view, session) gives `view` a context menu with
// "Bookmark" (Ctrl+B) and "Add Note..." (Ctrl+Alt+C, Wireshark's packet-comment key) for the object of the row under
// the cursor — or of the current row, from the keyboard. The object is what the view's model returns for
// Models::ObjectRefRole (objectrefrole.h), or what `objectAt` says when given. The changes run on the case's worker
// (Models::CaseMarks), so every view that shows marks follows; the outcome is shown in the window's status bar, an
// error also in a message box.
// A view that is no item view (a graph: QGraphicsView) names its objects by point and its current object by
// function (the second attach()).
// A page that wants its own entries in the same menu connects to menuRequested(), emitted before the menu shows (with
// the row's index in an item view, an invalid one otherwise).
// Thread: the GUI thread. The MarkActions is a child of the view.
#pragma once

#include "casenotes.h"
#include "casesession.h"
#include "endpointmarks.h"

#include <QAbstractItemView>
#include <functional>

class QMenu;

namespace Deck::Gui {

class MarkActions : public QObject
{
    Q_OBJECT
public:
    // A case object, or a remote endpoint that the worker interns when it is marked (endpointmarks.h).
    using ObjectAt = std::function<std::optional<Core::MarkTarget>(const QModelIndex &)>;
    using ObjectAtPoint = std::function<std::optional<Core::MarkTarget>(const QPoint &)>; // viewport coordinates
    using CurrentObject = std::function<std::optional<Core::MarkTarget>()>;

    static MarkActions *attach(QAbstractItemView *view, Models::CaseSession &session, ObjectAt objectAt = {});
    static MarkActions *attach(QAbstractScrollArea *view, Models::CaseSession &session, ObjectAtPoint objectAt,
                               CurrentObject current);

    QAction *bookmarkAction() const { return m_bookmark; }
    QAction *noteAction() const { return m_note; }

    // What the actions do, for the object of `index` (nothing when the row has no object), or for `object`.
    void bookmark(const QModelIndex &index);
    void addNote(const QModelIndex &index);
    void bookmark(const std::optional<Core::MarkTarget> &object);
    void addNote(const std::optional<Core::MarkTarget> &object);

    // Shows the outcome of a mark change (CaseMarks) once it is known: `done` in the status bar of `widget`'s window,
    // or the error there and in a message box.
    static void report(QWidget *widget, QFuture<QString> future, const QString &done);

Q_SIGNALS:
    void menuRequested(QMenu *menu, const QModelIndex &index);

private:
    MarkActions(QAbstractScrollArea *view, Models::CaseSession &session, ObjectAtPoint objectAt, CurrentObject current);
    static std::optional<Core::MarkTarget> objectOf(const QModelIndex &index, const ObjectAt &objectAt);
    void showMenu(const QPoint &pos);

    QAbstractScrollArea *m_view;
    QAbstractItemView *m_itemView = nullptr; // when the view is one
    Models::CaseSession &m_session;
    ObjectAtPoint m_objectAt;
    CurrentObject m_current;
    ObjectAt m_objectAtIndex;
    QAction *m_bookmark;
    QAction *m_note;
};

} // namespace Deck::Gui
