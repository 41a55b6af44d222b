// SPDX-License-Identifier: GPL-3.0-or-later
#include "casenotes.h"

#include "auditlog.h"
#include "database.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr std::array<QStringView, 9> kObjectTypeNames{u"process", u"file_event", u"net_event", u"state_change", u"path",
                                                      u"host",    u"alert",      u"archive",   u"endpoint"};
constexpr std::array<QStringView, 4> kTriageNames{u"new", u"investigating", u"benign", u"malicious"};

QString describe(const ObjectRef &object)
{
    return u"%1 %2"_s.arg(objectTypeName(object.type)).arg(object.id);
}

// Runs an UPDATE or DELETE of the row `id`; NotFound, naming `what`, when there is no such row.
Expected<void> changeOneRow(Database &db, const QString &sql, const QVariantList &params, const QString &what,
                            qint64 id)
{
    auto changed = db.query(sql, params);
    if (!changed)
        return changed.error();
    if (changed->numRowsAffected() != 1)
        return storeError(StoreReason::NotFound, u"%1 %2 does not exist in the case"_s.arg(what).arg(id));
    return {};
}

template <typename Row> Expected<QList<Row>> readRows(Expected<QSqlQuery> rows, auto makeRow)
{
    if (!rows)
        return rows.error();
    QList<Row> out;
    while (rows->next()) {
        const auto type = objectTypeFromName(rows->value(1).toString());
        if (type) // a type written by a newer flightdeck is left out rather than misread
            out.append(makeRow(*rows, ObjectRef{*type, rows->value(2).toLongLong()}));
    }
    return out;
}

QString objectCondition(const std::optional<ObjectRef> &object, QVariantList &params)
{
    if (!object)
        return {};
    params = {objectTypeName(object->type), object->id};
    return u" WHERE object_type = ? AND object_id = ?"_s;
}

} // namespace

QString objectTypeName(ObjectType type)
{
    return kObjectTypeNames.at(static_cast<size_t>(type)).toString();
}

std::optional<ObjectType> objectTypeFromName(const QString &name)
{
    for (size_t i = 0; i < kObjectTypeNames.size(); ++i) {
        if (name == kObjectTypeNames[i])
            return static_cast<ObjectType>(i);
    }
    return std::nullopt;
}

QString triageName(Triage triage)
{
    return kTriageNames.at(static_cast<size_t>(triage)).toString();
}

std::optional<Triage> triageFromName(const QString &name)
{
    for (size_t i = 0; i < kTriageNames.size(); ++i) {
        if (name == kTriageNames[i])
            return static_cast<Triage>(i);
    }
    return std::nullopt;
}

CaseNotes::CaseNotes(Database &db)
    : m_db(db)
{
}

template <typename Change>
auto CaseNotes::audited(const QString &action, const QString &object, const QString &detail, Change change)
{
    using Result = decltype(change());
    const bool own = !m_db.inTransaction();
    if (own) {
        if (auto begun = m_db.begin(); !begun)
            return Result(begun.error());
    }
    Result result = change();
    if (result) {
        if (auto logged = appendAudit(m_db, action, object, detail); !logged)
            result = Result(logged.error());
    }
    if (own) {
        if (!result) {
            m_db.rollback();
        } else if (auto committed = m_db.commit(); !committed) {
            return Result(committed.error());
        }
    }
    return result;
}

Expected<qint64> CaseNotes::addBookmark(const ObjectRef &object, const QString &label)
{
    return audited(u"bookmark"_s, describe(object), label, [&]() -> Expected<qint64> {
        auto id = m_db.scalar(u"INSERT INTO bookmarks (object_type, object_id, label, created_ts, created_by) "
                              u"VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
                              {objectTypeName(object.type), object.id, label, Database::nowNs(), currentActor()});
        if (!id)
            return id.error();
        return id->toLongLong();
    });
}

Expected<void> CaseNotes::removeBookmark(qint64 bookmarkId)
{
    return audited(u"unbookmark"_s, u"bookmark %1"_s.arg(bookmarkId), u"removed"_s, [&] {
        return changeOneRow(m_db, u"DELETE FROM bookmarks WHERE id = ?"_s, {bookmarkId}, u"Bookmark"_s, bookmarkId);
    });
}

Expected<QList<Bookmark>> CaseNotes::bookmarks(std::optional<ObjectRef> object)
{
    QVariantList params;
    const QString where = objectCondition(object, params);
    return readRows<Bookmark>(
        m_db.query(u"SELECT id, object_type, object_id, label, created_ts, created_by FROM bookmarks"_s + where
                       + u" ORDER BY id"_s,
                   params),
        [](const QSqlQuery &row, ObjectRef ref) {
            return Bookmark{row.value(0).toLongLong(), ref, row.value(3).toString(), row.value(4).toLongLong(),
                            row.value(5).toString()};
        });
}

Expected<qint64> CaseNotes::addNote(const ObjectRef &object, const QString &text)
{
    return audited(u"note"_s, describe(object), text, [&]() -> Expected<qint64> {
        auto id = m_db.scalar(u"INSERT INTO notes (object_type, object_id, text, created_ts, created_by) "
                              u"VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
                              {objectTypeName(object.type), object.id, text, Database::nowNs(), currentActor()});
        if (!id)
            return id.error();
        return id->toLongLong();
    });
}

Expected<void> CaseNotes::editNote(qint64 noteId, const QString &text)
{
    return audited(u"note"_s, u"note %1"_s.arg(noteId), text, [&] {
        return changeOneRow(m_db, u"UPDATE notes SET text = ?, updated_ts = ? WHERE id = ?"_s,
                            {text, Database::nowNs(), noteId}, u"Note"_s, noteId);
    });
}

Expected<void> CaseNotes::removeNote(qint64 noteId)
{
    return audited(u"unnote"_s, u"note %1"_s.arg(noteId), u"removed"_s, [&] {
        return changeOneRow(m_db, u"DELETE FROM notes WHERE id = ?"_s, {noteId}, u"Note"_s, noteId);
    });
}

Expected<QList<Note>> CaseNotes::notes(std::optional<ObjectRef> object)
{
    QVariantList params;
    const QString where = objectCondition(object, params);
    return readRows<Note>(
        m_db.query(u"SELECT id, object_type, object_id, text, created_ts, created_by, updated_ts FROM notes"_s + where
                       + u" ORDER BY id"_s,
                   params),
        [](const QSqlQuery &row, ObjectRef ref) {
            std::optional<qint64> updated;
            if (!row.value(6).isNull())
                updated = row.value(6).toLongLong();
            return Note{row.value(0).toLongLong(), ref,    row.value(3).toString(), row.value(4).toLongLong(),
                        row.value(5).toString(),   updated};
        });
}

Expected<void> CaseNotes::setTriage(qint64 alertId, Triage triage)
{
    return audited(u"triage"_s, u"alert %1"_s.arg(alertId), triageName(triage), [&] {
        return changeOneRow(m_db, u"UPDATE alerts SET triage = ?, triage_by = ?, triage_ts = ? WHERE id = ?"_s,
                            {triageName(triage), currentActor(), Database::nowNs(), alertId}, u"Alert"_s, alertId);
    });
}

} // namespace Deck::Core
