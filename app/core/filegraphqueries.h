// SPDX-License-Identifier: GPL-3.0-or-later
// The file access graph's queries: the files one process touched and the processes that touched one file, each as
// one link per (process, path, operation) with the summed count and the first and last time, bounded: at most
// `limit` neighbours (distinct paths, or distinct processes) from `offset` on, chosen by their first touch (then by
// the path's bytes, or the process's row), and the
// number of all neighbours so that a view can say how many it left out. A rename's target is a neighbour of the
// renaming process under the operation "rename-to"; expanding a path finds the events naming it as their path (the
// target has no index). An aggregated event counts when its first occurrence lies in the range.
// Thread: the Database's thread. Errors: the store's, naming the database or the process.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct FileLink
{
    qint64 processId = 0;
    qint64 pathId = 0;
    QByteArray path;
    QString op; // open, exec, write, create, delete, rename, rename-to
    qint64 count = 0;
    qint64 firstTs = 0;
    qint64 lastTs = 0;
};

struct FileLinks
{
    QList<FileLink> links; // by the neighbour's first touch, then its id, then the operation
    QList<ProcessRow> processes; // every process the links name, in their order
    qint64 neighbours = 0; // distinct paths (filesOf) or processes (processesOf) in the range, shown or not
};

class FileGraphQueries
{
public:
    explicit FileGraphQueries(Database &db);

    Expected<FileLinks> filesOf(qint64 processId, const TimeRange &range, int limit, int offset = 0);
    // An unknown path has no neighbours (not an error: the case holds no event of it).
    Expected<FileLinks> processesOf(const QByteArray &path, const TimeRange &range, int limit, int offset = 0);

private:
    Database &m_db;
};

} // namespace Deck::Core
