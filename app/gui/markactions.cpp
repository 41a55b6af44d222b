// SPDX-License-Identifier: GPL-3.0-or-later
#include "markactions.h"

#include "casemarks.h"
#include "marksmodel.h"
#include "objectrefrole.h"

#include <QAction>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace Deck::Gui {

MarkActions *MarkActions::attach(QAbstractItemView *view, Models::CaseSession &session, ObjectAt objectAt)
{
    auto *actions = new MarkActions(
        view, session, [view, objectAt](const QPoint &pos) { return objectOf(view->indexAt(pos), objectAt); },
        [view, objectAt] { return objectOf(view->currentIndex(), objectAt); });
    actions->m_itemView = view;
    actions->m_objectAtIndex = std::move(objectAt);
    return actions;
}

MarkActions *MarkActions::attach(QAbstractScrollArea *view, Models::CaseSession &session, ObjectAtPoint objectAt,
                                 CurrentObject current)
{
    return new MarkActions(view, session, std::move(objectAt), std::move(current));
}

MarkActions::MarkActions(QAbstractScrollArea *view, Models::CaseSession &session, ObjectAtPoint objectAt,
                         CurrentObject current)
    : QObject(view)
    , m_view(view)
    , m_session(session)
    , m_objectAt(std::move(objectAt))
    , m_current(std::move(current))
    , m_bookmark(new QAction(tr("&Bookmark"), view))
    , m_note(new QAction(tr("Add &Note..."), view))
{
    m_bookmark->setObjectName(QStringLiteral("bookmarkAction"));
    m_note->setObjectName(QStringLiteral("addNoteAction"));
    m_bookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_note->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    for (QAction *action : {m_bookmark, m_note}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setShortcutVisibleInContextMenu(true);
        view->addAction(action);
    }
    connect(m_bookmark, &QAction::triggered, this, [this] { bookmark(m_current()); });
    connect(m_note, &QAction::triggered, this, [this] { addNote(m_current()); });
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, &MarkActions::showMenu);
}

std::optional<Core::MarkTarget> MarkActions::objectOf(const QModelIndex &index, const ObjectAt &objectAt)
{
    if (!index.isValid())
        return std::nullopt;
    if (objectAt)
        return objectAt(index);
    const QVariant object = index.data(Models::ObjectRefRole);
    if (!object.canConvert<Core::ObjectRef>())
        return std::nullopt;
    return object.value<Core::ObjectRef>();
}

void MarkActions::showMenu(const QPoint &pos)
{
    const auto object = m_objectAt(pos);
    const bool hasObject = object.has_value() && m_session.isOpen();
    QMenu menu(m_view);
    QAction *bookmarkItem = menu.addAction(m_bookmark->text(), this, [this, object] { bookmark(object); });
    bookmarkItem->setShortcut(m_bookmark->shortcut());
    QAction *noteItem = menu.addAction(m_note->text(), this, [this, object] { addNote(object); });
    noteItem->setShortcut(m_note->shortcut());
    bookmarkItem->setEnabled(hasObject);
    noteItem->setEnabled(hasObject);
    Q_EMIT menuRequested(&menu, m_itemView ? m_itemView->indexAt(pos) : QModelIndex());
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void MarkActions::bookmark(const QModelIndex &index)
{
    bookmark(objectOf(index, m_objectAtIndex));
}

void MarkActions::addNote(const QModelIndex &index)
{
    addNote(objectOf(index, m_objectAtIndex));
}

void MarkActions::bookmark(const std::optional<Core::MarkTarget> &object)
{
    if (!object)
        return;
    report(m_view, Models::CaseMarks::of(m_session).bookmark(*object), tr("Bookmarked."));
}

void MarkActions::addNote(const std::optional<Core::MarkTarget> &object)
{
    if (!object)
        return;
    bool ok = false;
    const QString prompt = object->endpoint
        ? tr("Note on remote endpoint %1 (kept in the case, with your name and the time):")
              .arg(Core::endpointText(*object->endpoint))
        : tr("Note on this %1 (kept in the case, with your name and the time):")
              .arg(Models::MarksModel::typeName(object->object.type));
    const QString text = QInputDialog::getMultiLineText(m_view, tr("Add Note"), prompt, QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    report(m_view, Models::CaseMarks::of(m_session).addNote(*object, text), tr("Note added."));
}

void MarkActions::report(QWidget *widget, QFuture<QString> future, const QString &done)
{
    auto *watcher = new QFutureWatcher<QString>(widget);
    connect(watcher, &QFutureWatcher<QString>::finished, widget, [widget, watcher, done] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        const QString error = watcher->future().result();
        auto *window = qobject_cast<QMainWindow *>(widget->window());
        if (window)
            window->statusBar()->showMessage(error.isEmpty() ? done : error, 5000);
        if (!error.isEmpty())
            QMessageBox::warning(widget, tr("Bookmarks and notes"), error);
    });
    watcher->setFuture(future);
}

} // namespace Deck::Gui
