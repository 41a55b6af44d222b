// SPDX-License-Identifier: GPL-3.0-or-later
// Raising alerts: the one way the analysis of a case (detection rules, indicator matches) adds an alert, with the
// objects that raised it (table alert_evidence, migration 3). An alert is raised once: a second raise of the same
// source and rule about the same first evidence object is a no-op, so evaluating the rules again, or re-importing,
// never doubles the alerts list. The importer's integrity alerts (source 'state.change') are raised by the importer
// itself in bulk (ArchiveLoader::raiseAlerts) with the same evidence shape.
// Thread: the Database's thread; runs inside the caller's transaction when there is one.
#pragma once

#include "casenotes.h"

#include <QList>
#include <QString>
#include <optional>

namespace Deck::Core {

class Database;

struct NewAlert
{
    qint64 hostId = 0;
    qint64 ts = 0; // UTC ns of the first evidence
    QString source; // 'rule' | 'indicator' (and the importer's 'state.change')
    QString rule; // the rule's or the indicator list's name
    QString severity; // low | medium | high
    QString title; // one line, for the alerts list
    QString detail; // one line of what matched
    QList<ObjectRef> evidence; // at least one; the first is what the alert is about
};

// The new alert's id, or nullopt when the alert was raised before. Errors: Conflict for an alert without evidence or
// with an unknown severity; the store's errors.
Expected<std::optional<qint64>> raiseAlert(Database &db, const NewAlert &alert);

struct AlertEvidenceRow
{
    int ordinal = 0;
    ObjectRef object;
};

// The evidence of one alert, in order (empty for an unknown alert).
Expected<QList<AlertEvidenceRow>> alertEvidence(Database &db, qint64 alertId);

} // namespace Deck::Core
