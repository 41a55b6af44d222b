// SPDX-License-Identifier: GPL-3.0-or-later
// The integrity record of a case, for the Integrity and alerts view: every state.change of the hosts' integrity
// checks (packages, packagefiles, modules, bpf, files, logins, listeners) with the kernel log lines about modules and
// BPF (host.kmsg) between them, and the alerts the importer raised from high-severity changes with their triage.
// A row carries the stored event's JSON line (`detail`) as it is in the case: the caller decodes it (eventcodec.h)
// and must treat it as hostile. Lists are bounded (`limit`); `truncated` says that more rows matched.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct IntegrityFilter
{
    std::optional<qint64> hostId; // every host when absent
    TimeRange range;
    bool kernelLog = true; // host.kmsg lines too
    int limit = 5000;
};

struct IntegrityRow
{
    enum class Source { StateChange, KernelLog };
    Source source = Source::StateChange;
    qint64 id = 0; // state_changes.id or host_events.id
    qint64 hostId = 0;
    QString hostname;
    qint64 ts = 0;
    QString check; // check_name; "kmsg" for a kernel log line
    QString severity; // low | medium | high; empty for a kernel log line
    qint64 items = 0;
    QByteArray detail; // the event's JSON line as stored
    std::optional<qint64> alertId; // the alert raised from it
    QString triage; // that alert's triage state
};

struct AlertFilter
{
    std::optional<qint64> hostId;
    TimeRange range;
    QStringList triage; // the triage states to show; every state when empty
    int limit = 5000;
};

struct AlertRow
{
    qint64 id = 0;
    qint64 hostId = 0;
    QString hostname;
    qint64 ts = 0;
    QString source;
    std::optional<qint64> stateChangeId;
    QString severity;
    QString title;
    QString triage;
    QString triageBy; // empty until someone triaged it
    std::optional<qint64> triageTs;
    QString check; // of the state change; empty when it is not in the case
    QByteArray detail; // the state change's JSON line
    QString rule; // a detection rule's or indicator list's name; empty for the importer's integrity alerts
    QString ruleDetail; // one line of what matched (rule and indicator alerts)
};

template <typename Row> struct BoundedList
{
    QList<Row> rows;
    bool truncated = false;
};

struct HostName
{
    qint64 id = 0;
    QString hostname;
};

class IntegrityQueries
{
public:
    explicit IntegrityQueries(Database &db);

    // In time order (ts, then state changes before kernel log lines, then id).
    Expected<BoundedList<IntegrityRow>> changes(const IntegrityFilter &filter);
    Expected<BoundedList<AlertRow>> alerts(const AlertFilter &filter);
    // Every host of the case, by hostname.
    Expected<QList<HostName>> hosts();

private:
    Database &m_db;
};

} // namespace Deck::Core
