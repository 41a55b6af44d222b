// SPDX-License-Identifier: GPL-3.0-or-later
// execute() and scalar() on a statement the Database keeps prepared (Database::keptQuery), finished before they
// return: for the few statements an import runs for every archive. On PostgreSQL a kept statement costs one round
// trip (EXECUTE) instead of three (PREPARE, EXECUTE, DEALLOCATE), and an import waits for each: on a loaded machine
// every round trip is two waits for the scheduler. Mind Database::kKeptStatements: the import keeps fewer.
#pragma once

#include "database.h"

namespace Deck::Core {

inline Expected<void> executeKept(Database &db, const QString &sql, const QVariantList &params)
{
    auto q = db.keptQuery(sql, params);
    if (!q)
        return q.error();
    (*q)->finish();
    return {};
}

inline Expected<QVariant> scalarKept(Database &db, const QString &sql, const QVariantList &params)
{
    auto q = db.keptQuery(sql, params);
    if (!q)
        return q.error();
    QVariant value = (*q)->next() ? (*q)->value(0) : QVariant();
    (*q)->finish();
    return value;
}

} // namespace Deck::Core
