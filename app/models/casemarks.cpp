// SPDX-License-Identifier: GPL-3.0-or-later
#include "casemarks.h"

#include "database.h"

#include <QCoreApplication>
#include <QFutureWatcher>

using namespace Qt::StringLiterals;

namespace Deck::Models {

CaseMarks &CaseMarks::of(CaseSession &session)
{
    if (auto *existing = session.findChild<CaseMarks *>(QString(), Qt::FindDirectChildrenOnly))
        return *existing;
    return *new CaseMarks(session);
}

CaseMarks::CaseMarks(CaseSession &session)
    : QObject(&session)
    , m_session(session)
{
}

namespace {
// Runs `change` in one transaction of its own (an endpoint interned for a mark goes with the mark: both or neither).
template <typename Change> Core::Expected<void> inOneTransaction(Core::Database &db, Change change)
{
    if (db.inTransaction())
        return change();
    if (auto begun = db.begin(); !begun)
        return begun;
    Core::Expected<void> done = change();
    if (!done) {
        db.rollback();
        return done;
    }
    return db.commit();
}
} // namespace

template <typename Change> QFuture<QString> CaseMarks::submit(Change change)
{
    if (!m_session.isOpen() || !m_session.writer()) {
        QPromise<QString> refused;
        refused.start();
        refused.addResult(tr("No case is open."));
        refused.finish();
        return refused.future();
    }
    auto future = m_session.writer()->run([change = std::move(change)](Core::Database &db) -> QString {
        Core::CaseNotes notes(db);
        const auto done = [&] {
            if constexpr (std::is_invocable_v<Change, Core::CaseNotes &, Core::Database &>)
                return change(notes, db);
            else
                return change(notes);
        }();
        return done ? QString() : done.error().message;
    });
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0 && watcher->future().result().isEmpty())
            Q_EMIT changed();
    });
    watcher->setFuture(future);
    return future;
}

QFuture<QString> CaseMarks::bookmark(const Core::MarkTarget &target, const QString &label)
{
    return submit([target, label](Core::CaseNotes &notes, Core::Database &db) {
        return inOneTransaction(db, [&]() -> Core::Expected<void> {
            auto object = Core::resolve(db, target);
            if (!object)
                return object.error();
            auto existing = notes.bookmarks(*object);
            if (!existing)
                return existing.error();
            if (!existing->isEmpty())
                return {};
            // The column is NOT NULL: no label is an empty one, not a null string.
            auto added = notes.addBookmark(*object, label.isNull() ? u""_s : label);
            if (!added)
                return added.error();
            return {};
        });
    });
}

QFuture<QString> CaseMarks::removeBookmark(qint64 bookmarkId)
{
    return submit([bookmarkId](Core::CaseNotes &notes) { return notes.removeBookmark(bookmarkId); });
}

QFuture<QString> CaseMarks::addNote(const Core::MarkTarget &target, const QString &text)
{
    return submit([target, text](Core::CaseNotes &notes, Core::Database &db) {
        return inOneTransaction(db, [&]() -> Core::Expected<void> {
            auto object = Core::resolve(db, target);
            if (!object)
                return object.error();
            auto added = notes.addNote(*object, text);
            if (!added)
                return added.error();
            return {};
        });
    });
}

QFuture<QString> CaseMarks::editNote(qint64 noteId, const QString &text)
{
    return submit([noteId, text](Core::CaseNotes &notes) { return notes.editNote(noteId, text); });
}

QFuture<QString> CaseMarks::removeNote(qint64 noteId)
{
    return submit([noteId](Core::CaseNotes &notes) { return notes.removeNote(noteId); });
}

QFuture<QString> CaseMarks::setTriage(qint64 alertId, Core::Triage triage)
{
    return submit([alertId, triage](Core::CaseNotes &notes) { return notes.setTriage(alertId, triage); });
}

} // namespace Deck::Models
