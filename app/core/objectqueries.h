// SPDX-License-Identifier: GPL-3.0-or-later
// One line about any object the analyst can bookmark or annotate (casenotes.h's ObjectRef): what it is, on which
// host, when — for lists of bookmarks and notes (the report, the notes page). Byte strings are shown with
// displayBytes(), so a hostile path or name reads as text and loses no byte.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "casenotes.h"
#include "querytypes.h"

namespace Deck::Core {

struct ObjectSummary
{
    ObjectRef object;
    bool found = false; // false: the case holds no such row (text says so)
    std::optional<qint64> hostId;
    QString hostname;
    std::optional<qint64> ts; // when it happened (a process: its start)
    std::optional<qint64> processId; // the process it is or that did it
    QString text;
};

class ObjectQueries
{
public:
    explicit ObjectQueries(Database &db);

    Expected<ObjectSummary> describe(const ObjectRef &object);

private:
    Database &m_db;
};

} // namespace Deck::Core
