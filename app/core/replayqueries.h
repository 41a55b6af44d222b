// SPDX-License-Identifier: GPL-3.0-or-later
// Point-in-time replay: the state of one host at a time T, rebuilt from what the case recorded up to T — the
// processes alive (with their parents, for the tree), the files open for writing, the connections and listeners,
// and the kernel modules, BPF programs and packages present (the latest state.snapshot of each check at or before
// T with the state.change events after it replayed up to T). Every part says how much it can be trusted at T
// (replayknowledge.h): unknown when T is outside the host's recording, while the collector was stopped or inside
// missing archives; incomplete when a loss, missing archives or a stop lie between what the part is built from and T.
//
// Files open for writing: the format has no "opened for writing" event; it has `open` (any open, no access mode)
// and `write` (a descriptor opened for writing was closed). A file counts as open for writing at T by a process alive
// at T when that process closed it after writing at or after T; with an `open` of it at or before T (and none after
// T before that close) it is OpenBeforeClosedAfter, without one OpenNotSeen (opened before the recording, through an
// inherited descriptor, or its open was aggregated away), and when T falls inside an aggregated run of writes
// (first and last close around T) WithinRepeatedWrites. A file still open when the recording ended is not listed:
// nothing says whether it was opened for writing.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "pointintimequeries.h"
#include "replayknowledge.h"

#include <QMap>
#include <QVariant>

namespace Deck::Core {

struct OpenFileAt
{
    enum class Evidence { OpenBeforeClosedAfter, OpenNotSeen, WithinRepeatedWrites };
    qint64 processId = 0;
    qint64 pathId = 0;
    QByteArray path;
    std::optional<qint64> openedTs; // the latest open at or before T
    qint64 closedTs = 0; // the first close after writing at or after T (the run's first, for WithinRepeatedWrites)
    Evidence evidence = Evidence::OpenBeforeClosedAfter;
};

// One item of an integrity check as it stood at T: its id and attributes (bool, qint64 or QString values).
struct StateItemAt
{
    QString id;
    QVariantMap attrs;
    qint64 sinceTs = 0; // the snapshot or change that last stated it
};

struct ReplayPart
{
    PartKnowledge knowledge;
    bool truncated = false; // more rows than the limit
};

struct HostReplay
{
    qint64 hostId = 0;
    qint64 at = 0;
    RecordedSpan span; // the host's recording, for a slider's ends
    ReplayPart processesPart, filesPart, networkPart, modulesPart, bpfPart, packagesPart;
    QList<RunningProcess> processes; // by start time
    QList<OpenFileAt> files; // by process, then path
    QList<OpenConnection> connections; // by the time they opened; listeners among them (isListener())
    QList<StateItemAt> modules, bpf, packages; // by id
};

// The processes of a replay in tree order (depth first, children by start time): each row's index in `processes`
// and its depth; a process whose parent is not among them is a root.
struct TreeLine
{
    qsizetype index = 0;
    int depth = 0;
};
QList<TreeLine> processTreeOrder(const QList<RunningProcess> &processes);

// A listening TCP socket or a bound UDP one (listen, bind, or an `exists` without a remote end).
bool isListener(const NetEventRow &event);
QString evidenceName(OpenFileAt::Evidence evidence);

class ReplayQueries
{
public:
    explicit ReplayQueries(Database &db);

    // At most `limit` rows per list (then the part is `truncated`).
    Expected<HostReplay> replay(qint64 hostId, qint64 at, int limit = 20000);
    // The time of the host's nearest event strictly after (forward) or before T, for stepping a slider.
    Expected<std::optional<qint64>> neighbourEvent(qint64 hostId, qint64 at, bool forward);

    Expected<QList<OpenFileAt>> filesOpenForWriting(qint64 hostId, qint64 bootId, qint64 at, int limit, bool *truncated);
    // The items of `check` at T, and the time of the snapshot they start from (none: only changes were found).
    Expected<QList<StateItemAt>> stateAt(qint64 hostId, const QString &check, qint64 at,
                                         std::optional<qint64> *snapshotTs);

private:
    Database &m_db;
};

} // namespace Deck::Core
