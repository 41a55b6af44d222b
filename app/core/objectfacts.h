// SPDX-License-Identifier: GPL-3.0-or-later
// What a bookmark or note is about, in facts a person recognises: for any object of the case (casenotes.h ObjectRef)
// its host, the process involved (row, pid, comm), its time, the path and a word or two of what it is (a file or
// network operation, an endpoint's address and port, a state change's check and severity, an alert's title and
// triage, an archive's sequence number). The GUI turns these into words and into a selection (host, process, path,
// endpoint) to jump to.
// Objects are looked up in batches by type; an object the case does not hold (a note's target is never deleted by
// flightdeck, but a hand-edited case may lack it) comes back with exists == false, in the caller's order.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "casenotes.h"
#include "querytypes.h"

namespace Deck::Core {

struct ObjectFacts
{
    ObjectRef object;
    bool exists = false;
    std::optional<qint64> hostId;
    QString hostname;
    std::optional<qint64> processId;
    std::optional<qint64> pid;
    QString comm;
    std::optional<qint64> ts;
    QByteArray path;
    // process: exe; file_event: op; net_event: op; state_change: check; alert: title; archive: seq; endpoint: the
    // address; host, path: empty.
    QString what;
    // net_event: "proto laddr:lport -> raddr:rport"; state_change: severity; alert: triage; archive: chain; endpoint:
    // the port (empty: any port).
    QString extra;
};

Expected<QList<ObjectFacts>> objectFacts(Database &db, const QList<ObjectRef> &objects);

} // namespace Deck::Core
