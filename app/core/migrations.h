// SPDX-License-Identifier: GPL-3.0-or-later
// The case schema as numbered migrations, one text for both engines (SQLite and PostgreSQL differ only in the
// identity column and the byte-string type, written {id} and {blob}, and in a few engine-specific indexes).
// schema_version holds one row per applied migration. Each migration runs in its own transaction, so a failed one
// leaves the case at the previous version. A case newer than this build is refused, never downgraded.
#pragma once

#include "databaselocation.h"

namespace Deck::Core {

class Database;

inline constexpr int kSchemaVersion = 10;

// Applies the migrations schema_version does not list, in order; returns the version the case is at afterwards.
Expected<int> migrate(Database &db);
// The version a case is at (0 for an empty database).
Expected<int> schemaVersion(Database &db);
// The connection's temporary tables the importer stages rows in (created once per connection, emptied after use).
Expected<void> createStagingTables(Database &db);
// Empties the staging table `table` (one of createStagingTables') within the caller's transaction.
Expected<void> emptyStagingTable(Database &db, QLatin1StringView table);

} // namespace Deck::Core
