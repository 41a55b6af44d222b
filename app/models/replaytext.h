// SPDX-License-Identifier: GPL-3.0-or-later
// The replay's words for people, translated: how far a part is known at T and why, and the rows of the panels
// (files open for writing, connections and listeners, integrity items) built from a HostReplay.
// Thread: any (no state).
#pragma once

#include "replaylistmodel.h"
#include "replayqueries.h"

#include <QCoreApplication>

namespace Deck::Models {

class ReplayText
{
    Q_DECLARE_TR_FUNCTIONS(ReplayText)
public:
    // Empty when the part is known; else one paragraph: "Not known at this time: …" or "Incomplete: …; …".
    static QString knowledge(const Core::ReplayPart &part, const QString &what);
    static QString caveat(const Core::Caveat &caveat);

    static QStringList fileHeaders();
    static QList<ReplayRow> fileRows(const Core::HostReplay &replay);
    static QStringList networkHeaders();
    static QList<ReplayRow> networkRows(const Core::HostReplay &replay);
    // check: modules | bpf | packages.
    static QStringList itemHeaders(const QString &check);
    static QList<ReplayRow> itemRows(const QString &check, const QList<Core::StateItemAt> &items);
};

} // namespace Deck::Models
