// SPDX-License-Identifier: GPL-3.0-or-later
// What was running on a host at time T, and which connections were open. Honest about what the case cannot know:
// a process that had not exited by T is "running" only when the host's recording went on past T (an exit would have
// been seen); when the recording of that boot ends at or before T it is "alive at last sight" — it may have ended
// unseen. Only the host's boot in progress at T counts (a reboot ends every process of the boot before).
// A connection is open at T when it was opened (connect, accept, listen, bind, send, or open at collector start)
// in T's boot by T, no close of the same protocol and ends followed by T, and its process (when known) was alive at T
// (started by T, not exited).
// Thread: the Database's thread. Errors: the store's, naming the database or the host.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

enum class Liveness { Running, AliveAtLastSight };

struct RunningProcess
{
    ProcessRow process;
    Liveness liveness = Liveness::Running;
};

struct OpenConnection
{
    NetEventRow opened; // the event that opened it
    std::optional<qint64> processId;
    Liveness liveness = Liveness::Running;
};

// A process alive at T and its exit, when it has one (after T).
struct AliveProcess
{
    qint64 id = 0;
    std::optional<qint64> exitTs;
};

struct HostAt
{
    qint64 hostId = 0;
    qint64 at = 0;
    std::optional<qint64> bootId; // the boot in progress at T; absent when T is before every boot the case knows
    std::optional<qint64> coverageEnd; // the last event time of that boot's archives
};

class PointInTimeQueries
{
public:
    explicit PointInTimeQueries(Database &db);

    Expected<HostAt> hostAt(qint64 hostId, qint64 at);
    // By start time; paged (a host runs thousands of processes at once at most, a page holds them all by default).
    Expected<Page<RunningProcess>> runningAt(qint64 hostId, qint64 at, const PageRequest &page = {});
    // By open time.
    Expected<QList<OpenConnection>> connectionsAt(qint64 hostId, qint64 at);
    // The processes of the boot `bootId` alive at T (started by T, not exited by T), by id, for queries that read the
    // events of each: `process_id IN (...)` lists of them (inList()) keep both engines on the events' process index
    // whatever they estimate (PostgreSQL, guessing thousands alive, read every event of the table instead).
    Expected<QList<AliveProcess>> aliveAt(qint64 hostId, qint64 bootId, qint64 at);
    static constexpr qsizetype kInListMax = 500; // ids per IN list
    static QString inList(qsizetype count); // "?, ?, ..., ?"

private:
    Database &m_db;
};

QString livenessName(Liveness liveness); // "running" | "alive at last sight"

} // namespace Deck::Core
