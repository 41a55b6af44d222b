// SPDX-License-Identifier: GPL-3.0-or-later
// How getting data in speaks to a person: an archive's outcome as a short word group and a colour (imported,
// already imported, held for trust, refused + reason), its message without the long path in front, sizes in bytes,
// and a pull failure as a word group. Shared by the import and pull dialogs and the Data In page.
#pragma once

#include "expected.h"
#include "importoutcome.h"

#include <QColor>
#include <QString>

class QTreeWidgetItem;

namespace Deck::Gui {

QString outcomeText(Core::ImportStatus status);
QColor outcomeColor(Core::ImportStatus status); // invalid QColor: the palette's text colour
// The outcome's message without "<path>: " in front (the archive is in its own column).
QString outcomeDetail(const Core::ImportOutcome &outcome);
// Fills an outcome row: outcome, archive (file name; the path as tool tip), host, seq, events, detail.
void fillOutcomeRow(QTreeWidgetItem *item, const Core::ImportOutcome &outcome);
QStringList outcomeColumns();

// "1.5 MiB", "312 B".
QString byteText(qint64 bytes);

// "unreachable", "timed out", "unknown host key", "host key changed (refused)", "login refused", ...
QString pullFailureText(const Flight::Error &error);
// The "SHA256:..." fingerprints named in a host key error, in order (presented first).
QStringList fingerprintsIn(const QString &message);

} // namespace Deck::Gui
