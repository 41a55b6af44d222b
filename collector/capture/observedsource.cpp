// SPDX-License-Identifier: GPL-3.0-or-later
#include "observedsource.h"

namespace Flight::Capture {

class ObservedSource::Tee final : public EventSink
{
public:
    Tee(const SourceObserver &observer, EventSink &target)
        : m_observer(observer)
        , m_target(target)
    {
    }
    void deliver(Format::Event event) override
    {
        if (m_observer.event)
            m_observer.event(event);
        m_target.deliver(std::move(event));
    }
    void progress(qint64 mono) override
    {
        if (m_observer.progress)
            m_observer.progress(mono);
        m_target.progress(mono);
    }

private:
    const SourceObserver &m_observer;
    EventSink &m_target;
};

ObservedSource::ObservedSource(std::unique_ptr<EventSource> inner, SourceObserver observer)
    : m_inner(std::move(inner))
    , m_observer(std::move(observer))
{
}

ObservedSource::~ObservedSource()
{
    m_inner->stop(); // before the tee it delivers through goes
}

Expected<void> ObservedSource::start(EventSink &sink)
{
    m_tee = std::make_unique<Tee>(m_observer, sink);
    return m_inner->start(*m_tee);
}

} // namespace Flight::Capture
