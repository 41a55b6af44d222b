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
        Q_EMIT notesChanged();
    });
    connect(&CaseMarks::of(session), &CaseMarks::changed, this, &NotesFeed::load);
    if (session.isOpen())
        load();
}

void NotesFeed::load()
{
    if (!m_session.isOpen())
        return;
    auto notes = m_session.worker().run([](Core::Database &db) { return Core::CaseNotes(db).notes(); });
    auto *watcher = new QFutureWatcher<Core::Expected<QList<Core::Note>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = ++m_generation] {
        if (generation == m_generation && watcher->future().resultCount() > 0 && watcher->result()) {
            m_notes.clear();
            for (const Core::Note &note : *watcher->result()) {
                QString &text = m_notes[{int(note.object.type), note.object.id}];
                if (!text.isEmpty())
                    text += u'\n';
                text += note.text;
            }
            Q_EMIT notesChanged();
        }
        watcher->deleteLater();
    });
    watcher->setFuture(notes);
}

} // namespace Deck::Models
