// SPDX-License-Identifier: GPL-3.0-or-later
// The reasons a case-store operation fails, carried in Flight::Error::code next to Flight::Format::Reason (whose
// values stay below 100). Every message names the database (or file, host, key) and the reason in one sentence.
#pragma once

#include "expected.h"

#include <QStringView>

namespace Deck::Core {

using Flight::Error;
using Flight::Expected;

enum class StoreReason : int {
    BadLocation = 100, // the --db value is neither a file path nor a postgresql:// URL
    CannotOpen, // the database cannot be opened or connected to
    Sql, // a statement failed
    NewerSchema, // the case was written by a newer flightdeck
    Migration, // a migration failed (nothing of it was applied)
    NotFound, // a host, key or held archive named by the caller does not exist
    Conflict, // a trust decision contradicts one already made
    Contention, // PostgreSQL ended the transaction to break a deadlock with another writer (or a serialization
                // failure); it was rolled back and can be run again as it was
};

// The reason for a statement that failed with the SQLSTATE `state` (empty: not known, e.g. SQLite): Contention for
// class 40's deadlock_detected and serialization_failure, Sql otherwise.
inline StoreReason sqlReason(QStringView state)
{
    return state == u"40P01" || state == u"40001" ? StoreReason::Contention : StoreReason::Sql;
}

inline Error storeError(StoreReason reason, QString message)
{
    return Error{std::move(message), static_cast<int>(reason)};
}

} // namespace Deck::Core
