// SPDX-License-Identifier: GPL-3.0-or-later
// The analyst's own marks on a case: bookmarks and notes on any object (a process, event, path, host, alert,
// archive or remote endpoint, named by its type and row id), and the triage state of alerts. They are evidence of the
// investigation itself, so each change records who made it and when (currentActor(), UTC ns), and is written to the
// audit log in the same transaction.
// Thread: the Database's thread. Errors: the store's, naming the database; NotFound for an unknown bookmark, note or
// alert; Conflict for an object type or triage state that does not exist.
#pragma once

#include "storeerror.h"

#include <QList>
#include <QString>
#include <optional>

namespace Deck::Core {

class Database;

// Endpoint: a remote address, or address and port (endpointmarks.h), interned in remote_endpoints.
enum class ObjectType { Process, FileEvent, NetEvent, StateChange, Path, Host, Alert, Archive, Endpoint };

// The names stored in the object_type columns ("process", "file_event", ...); nullopt for an unknown name.
QString objectTypeName(ObjectType type);
std::optional<ObjectType> objectTypeFromName(const QString &name);

struct ObjectRef
{
    ObjectType type = ObjectType::Process;
    qint64 id = 0;
    bool operator==(const ObjectRef &) const = default;
};

struct Bookmark
{
    qint64 id = 0;
    ObjectRef object;
    QString label;
    qint64 createdTs = 0;
    QString createdBy;
};

struct Note
{
    qint64 id = 0;
    ObjectRef object;
    QString text;
    qint64 createdTs = 0;
    QString createdBy;
    std::optional<qint64> updatedTs;
};

enum class Triage { New, Investigating, Benign, Malicious };
QString triageName(Triage triage);
std::optional<Triage> triageFromName(const QString &name);

class CaseNotes
{
public:
    explicit CaseNotes(Database &db);

    Expected<qint64> addBookmark(const ObjectRef &object, const QString &label);
    Expected<void> removeBookmark(qint64 bookmarkId);
    // Every bookmark, or those of one object; oldest first.
    Expected<QList<Bookmark>> bookmarks(std::optional<ObjectRef> object = std::nullopt);

    Expected<qint64> addNote(const ObjectRef &object, const QString &text);
    Expected<void> editNote(qint64 noteId, const QString &text);
    Expected<void> removeNote(qint64 noteId);
    // Every note, or those of one object; oldest first.
    Expected<QList<Note>> notes(std::optional<ObjectRef> object = std::nullopt);

    Expected<void> setTriage(qint64 alertId, Triage triage);

private:
    // Runs `change` and its audit entry (detail: the label, text or triage state) in one transaction.
    template <typename Change>
    auto audited(const QString &action, const QString &object, const QString &detail, Change change);

    Database &m_db;
};

} // namespace Deck::Core
