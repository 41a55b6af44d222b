// SPDX-License-Identifier: GPL-3.0-or-later
// The case's chain of custody: who imported, held, refused or trusted what, and when. Entries are written inside the
// transaction of the change they describe, so the log and the data never disagree.
#pragma once

#include "storeerror.h"

namespace Deck::Core {

class Database;

// One entry of the audit log, as the hosts view and the report read it.
struct AuditEntry
{
    qint64 id = 0;
    qint64 ts = 0;
    QString actor;
    QString action;
    QString object;
    QString detail;
};

// "user@machine" of the person running this program (the audit log's actor).
QString currentActor();

// action: import | quarantine | refuse | fork | trust | export | report (app/report), and the analyst's marks
// (casenotes.h): bookmark | unbookmark | note | unnote | triage. object: the file, key or host acted on.
Expected<void> appendAudit(Database &db, const QString &action, const QString &object, const QString &detail);

} // namespace Deck::Core
