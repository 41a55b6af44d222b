// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane of the Integrity and alerts page as HTML: a state change (or kernel log line) in readable form —
// what was added, removed and changed, one line each (changetext.h) — with its host, time, severity, the triage of
// its alert, and the stored event itself at the bottom. Every text from the case is HTML-escaped; an event that
// cannot be decoded is said to be malformed, with the reason and its bytes escaped.
// Thread: the GUI thread (pure function).
#pragma once

#include "changetext.h"

#include <QString>
#include <optional>

namespace Deck::Gui {

struct ChangeDetailFacts
{
    QString hostname;
    qint64 ts = 0;
    QString severity;
    QByteArray detail;
    std::optional<qint64> alertId;
    QString alertTitle;
    QString triage;
    QString triageBy;
    std::optional<qint64> triageTs;
};

QString changeDetailHtml(const ChangeDetailFacts &facts);

} // namespace Deck::Gui
