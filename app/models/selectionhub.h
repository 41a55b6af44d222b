// SPDX-License-Identifier: GPL-3.0-or-later
// What the analyst has selected, shared by every view so that they stay linked: selecting a host, process, path,
// endpoint or time range in one view sets it here, and the others follow the signals. A setter that does not change
// the value emits nothing, so two views that follow each other do not loop.
// Thread: the GUI thread.
#pragma once

#include "querytypes.h"

#include <QObject>
#include <optional>

namespace Deck::Models {

struct Endpoint
{
    QString address; // as stored: the textual IPv4/IPv6 address
    std::optional<qint64> port;
    bool operator==(const Endpoint &) const = default;
};

class SelectionHub : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    std::optional<qint64> host() const { return m_host; }
    std::optional<qint64> process() const { return m_process; }
    const QByteArray &path() const { return m_path; }
    const std::optional<Endpoint> &endpoint() const { return m_endpoint; }
    const Core::TimeRange &timeRange() const { return m_timeRange; }
    // The instant being looked at (the replay's position), UTC ns; none until a view sets one.
    std::optional<qint64> time() const { return m_time; }

    void setHost(std::optional<qint64> hostId);
    // Selecting a process also selects its host.
    void setProcess(qint64 processId, qint64 hostId);
    void setPath(const QByteArray &path);
    void setEndpoint(const std::optional<Endpoint> &endpoint);
    // The range every view is filtered to; both ends open shows everything.
    void setTimeRange(const Core::TimeRange &range);
    void setTime(qint64 ts);
    // Forgets everything (a case was closed or another opened).
    void clear();

Q_SIGNALS:
    void hostChanged(std::optional<qint64> hostId);
    void processChanged(qint64 processId);
    void pathChanged(const QByteArray &path);
    void endpointChanged(const std::optional<Deck::Models::Endpoint> &endpoint);
    void timeRangeChanged(const Deck::Core::TimeRange &range);
    void timeChanged(qint64 ts);

private:
    std::optional<qint64> m_host;
    std::optional<qint64> m_process;
    QByteArray m_path;
    std::optional<Endpoint> m_endpoint;
    Core::TimeRange m_timeRange;
    std::optional<qint64> m_time;
};

} // namespace Deck::Models
