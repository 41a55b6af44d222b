// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionhub.h"

namespace Deck::Models {

void SelectionHub::setHost(std::optional<qint64> hostId)
{
    if (m_host == hostId)
        return;
    m_host = hostId;
    Q_EMIT hostChanged(hostId);
}

void SelectionHub::setProcess(qint64 processId, qint64 hostId)
{
    setHost(hostId);
    if (m_process == processId)
        return;
    m_process = processId;
    Q_EMIT processChanged(processId);
}

void SelectionHub::setPath(const QByteArray &path)
{
    if (m_path == path)
        return;
    m_path = path;
    Q_EMIT pathChanged(path);
}

void SelectionHub::setEndpoint(const std::optional<Endpoint> &endpoint)
{
    if (m_endpoint == endpoint)
        return;
    m_endpoint = endpoint;
    Q_EMIT endpointChanged(endpoint);
}

void SelectionHub::setTimeRange(const Core::TimeRange &range)
{
    if (m_timeRange.from == range.from && m_timeRange.to == range.to)
        return;
    m_timeRange = range;
    Q_EMIT timeRangeChanged(range);
}

void SelectionHub::setTime(qint64 ts)
{
    if (m_time == ts)
        return;
    m_time = ts;
    Q_EMIT timeChanged(ts);
}

void SelectionHub::clear()
{
    m_time.reset();
    m_host.reset();
    m_process.reset();
    m_path.clear();
    m_endpoint.reset();
    m_timeRange = {};
}

} // namespace Deck::Models
