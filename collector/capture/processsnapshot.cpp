// SPDX-License-Identifier: GPL-3.0-or-later
#include "processsnapshot.h"

#include "hostinfo.h"

#include <QDir>
#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

ProcessSnapshot snapshotProcesses(const ReadOptions &options)
{
    ProcessSnapshot snapshot;
    const QList<qint64> pids = listPids(options.root);

    // Start times first, so each parent key is read once and from (nearly) the same moment.
    QHash<qint64, qint64> starts;
    for (const qint64 pid : pids) {
        QFile file(QDir(options.root).filePath(u"proc/%1/stat"_s.arg(pid)));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            continue;
        if (auto stat = parseProcStat(file.read(4096)))
            starts.insert(pid, stat->startTicks);
    }
    const auto parentStart = [&starts](qint64 ppid) -> std::optional<qint64> {
        const auto it = starts.constFind(ppid);
        return it == starts.constEnd() ? std::nullopt : std::optional<qint64>(*it);
    };

    snapshot.events.reserve(pids.size());
    for (const qint64 pid : pids) {
        auto image = readProcess(pid, options, parentStart);
        if (!image) {
            ++snapshot.vanished;
            continue;
        }
        snapshot.events.append({realtimeNs(), boottimeNs(), Format::ProcSnapshot{std::move(*image)}});
    }
    return snapshot;
}

} // namespace Flight::Capture
