// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphmarks.h"

#include "graphnodes.h"
#include "graphview.h"
#include "markactions.h"
#include "markdecoration.h"
#include "notesfeed.h"

namespace Deck::Gui {

GraphMarks::GraphMarks(GraphView *view, const Models::GraphController &controller, Models::CaseSession &session)
    : QObject(view)
    , m_view(view)
    , m_controller(controller)
    , m_feed(new Models::NotesFeed(session, this))
    , m_actions(MarkActions::attach(
          view, session, [this](const QPoint &pos) { return objectOf(m_view->keyAt(pos)); },
          [this] { return objectOf(m_view->current()); }))
{
    connect(m_feed, &Models::NotesFeed::notesChanged, this, &GraphMarks::showMarks);
    connect(&controller, &Models::GraphController::changed, this, &GraphMarks::showMarks);
    showMarks();
}

std::optional<Core::MarkTarget> GraphMarks::objectOf(const QString &key) const
{
    const auto *node = m_controller.document().node(key);
    return node ? Models::markableObject(*node) : std::nullopt;
}

void GraphMarks::showMarks()
{
    QHash<QString, QString> marks;
    QHash<QString, QImage> pictures;
    for (const Models::GraphNode &node : m_controller.document().nodes()) {
        const auto object = Models::markableObject(node);
        if (!object)
            continue;
        QStringList lines;
        bool bookmarked = m_feed->isBookmarked(*object);
        QString noteText = m_feed->noteOf(*object);
        if (bookmarked)
            lines << tr("Bookmarked");
        if (!noteText.isEmpty())
            lines << tr("Note: %1").arg(noteText);
        // A remote address also shows the marks on its ports (made in the Conversations table).
        if (object->endpoint && !object->endpoint->port) {
            for (const Core::RemoteEndpoint &port : m_feed->markedPortsOf(object->endpoint->address)) {
                const QString text = Core::endpointText(port);
                if (m_feed->isBookmarked(port)) {
                    bookmarked = true;
                    lines << tr("Bookmarked: %1").arg(text);
                }
                if (const QString note = m_feed->noteOf(port); !note.isEmpty()) {
                    noteText = note;
                    lines << tr("Note on %1: %2").arg(text, note);
                }
            }
        }
        if (!lines.isEmpty()) {
            marks.insert(node.key, lines.join(u'\n'));
            pictures.insert(node.key, Models::markImage(bookmarked, !noteText.isEmpty()));
        }
    }
    m_view->setMarks(marks, pictures);
}

} // namespace Deck::Gui
