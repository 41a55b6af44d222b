// SPDX-License-Identifier: GPL-3.0-or-later
#include "notesfeed.h"

#include "casemarks.h"

#include <QFutureWatcher>

namespace Deck::Models {

NotesFeed::NotesFeed(CaseSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&session, &CaseSession::opened, this, &NotesFeed::load);
    connect(&session, &CaseSession::closed, this, [this] {
        ++m_generation;
        m_notes.clear();
        m_bookmarked.clear();
        Q_EMIT notesChanged();
    });
    connect(&CaseMarks::of(session), &CaseMarks::changed, this, &NotesFeed::load);
    if (session.isOpen())
        load();
}

QColor noteMarkerColor()
{
    return QColor(0xe8, 0xb0, 0x20);
}

void NotesFeed::load()
{
    if (!m_session.isOpen())
        return;
    using Marks = std::pair<Core::Expected<QList<Core::Note>>, Core::Expected<QList<Core::Bookmark>>>;
    auto marks = m_session.worker().run([](Core::Database &db) {
        Core::CaseNotes notes(db);
        return Marks{notes.notes(), notes.bookmarks()};
    });
    auto *watcher = new QFutureWatcher<Marks>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = ++m_generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        const Marks marks = watcher->result();
        if (!marks.first || !marks.second)
            return;
        m_notes.clear();
        for (const Core::Note &note : *marks.first) {
            QString &text = m_notes[{int(note.object.type), note.object.id}];
            if (!text.isEmpty())
                text += u'\n';
            text += note.text;
        }
        m_bookmarked.clear();
        for (const Core::Bookmark &bookmark : *marks.second)
            m_bookmarked.insert({int(bookmark.object.type), bookmark.object.id});
        Q_EMIT notesChanged();
    });
    watcher->setFuture(marks);
}

} // namespace Deck::Models
