// SPDX-License-Identifier: GPL-3.0-or-later
#include "notesfeed.h"

#include "casemarks.h"
#include "objectfacts.h"

#include <QFutureWatcher>

namespace Deck::Models {

namespace {
struct Marks
{
    QList<Core::Note> notes;
    QList<Core::Bookmark> bookmarks;
    QList<Core::ObjectFacts> endpoints; // of the marked endpoints: what = address, extra = port or empty
    bool ok = false;
};

Marks readMarks(Core::Database &db)
{
    Marks out;
    Core::CaseNotes notes(db);
    auto texts = notes.notes();
    auto bookmarks = notes.bookmarks();
    if (!texts || !bookmarks)
        return out;
    QList<Core::ObjectRef> endpoints;
    for (const Core::Note &note : std::as_const(*texts)) {
        if (note.object.type == Core::ObjectType::Endpoint)
            endpoints.append(note.object);
    }
    for (const Core::Bookmark &bookmark : std::as_const(*bookmarks)) {
        if (bookmark.object.type == Core::ObjectType::Endpoint)
            endpoints.append(bookmark.object);
    }
    auto facts = Core::objectFacts(db, endpoints);
    if (!facts)
        return out;
    return Marks{std::move(*texts), std::move(*bookmarks), std::move(*facts), true};
}
} // namespace

NotesFeed::NotesFeed(CaseSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&session, &CaseSession::opened, this, &NotesFeed::load);
    connect(&session, &CaseSession::closed, this, [this] {
        ++m_generation;
        m_notes.clear();
        m_bookmarked.clear();
        m_endpoints.clear();
        m_ports.clear();
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

QColor bookmarkMarkerColor()
{
    return QColor(0x2b, 0x6c, 0xd4);
}

std::optional<QPair<int, qint64>> NotesFeed::keyOf(const Core::MarkTarget &target) const
{
    if (!target.endpoint)
        return QPair<int, qint64>{int(target.object.type), target.object.id};
    const auto row = m_endpoints.constFind(Core::endpointText(*target.endpoint));
    if (row == m_endpoints.cend())
        return std::nullopt;
    return QPair<int, qint64>{int(Core::ObjectType::Endpoint), *row};
}

QString NotesFeed::noteOf(const Core::MarkTarget &target) const
{
    const auto key = keyOf(target);
    return key ? m_notes.value(*key) : QString();
}

bool NotesFeed::isBookmarked(const Core::MarkTarget &target) const
{
    const auto key = keyOf(target);
    return key && m_bookmarked.contains(*key);
}

QList<Core::RemoteEndpoint> NotesFeed::markedPortsOf(const QString &address) const
{
    QList<qint64> ports = m_ports.values(address);
    std::sort(ports.begin(), ports.end());
    QList<Core::RemoteEndpoint> out;
    for (qint64 port : std::as_const(ports))
        out.append({address, port});
    return out;
}

void NotesFeed::load()
{
    if (!m_session.isOpen())
        return;
    auto future = m_session.worker().run(&readMarks);
    auto *watcher = new QFutureWatcher<Marks>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = ++m_generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        const Marks marks = watcher->result();
        if (!marks.ok)
            return;
        m_notes.clear();
        for (const Core::Note &note : marks.notes) {
            QString &text = m_notes[{int(note.object.type), note.object.id}];
            if (!text.isEmpty())
                text += u'\n';
            text += note.text;
        }
        m_bookmarked.clear();
        for (const Core::Bookmark &bookmark : marks.bookmarks)
            m_bookmarked.insert({int(bookmark.object.type), bookmark.object.id});
        m_endpoints.clear();
        m_ports.clear();
        for (const Core::ObjectFacts &endpoint : marks.endpoints) {
            if (!endpoint.exists)
                continue;
            bool hasPort = false;
            const qint64 port = endpoint.extra.toLongLong(&hasPort);
            const Core::RemoteEndpoint at{endpoint.what, hasPort ? std::optional<qint64>(port) : std::nullopt};
            if (m_endpoints.contains(Core::endpointText(at)))
                continue;
            m_endpoints.insert(Core::endpointText(at), endpoint.object.id);
            if (hasPort)
                m_ports.insert(endpoint.what, port);
        }
        Q_EMIT notesChanged();
    });
    watcher->setFuture(future);
}

} // namespace Deck::Models
