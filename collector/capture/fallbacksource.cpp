// SPDX-License-Identifier: GPL-3.0-or-later
#include "fallbacksource.h"

using namespace Qt::StringLiterals;

namespace Flight::Capture {

FallbackSource::FallbackSource(QList<Candidate> candidates)
    : m_candidates(std::move(candidates))
{
    Q_ASSERT(!m_candidates.isEmpty());
    m_current = m_candidates.first().make({});
}

FallbackSource::~FallbackSource()
{
    stop();
}

Format::Backend FallbackSource::backend() const
{
    return m_current->backend();
}

Expected<void> FallbackSource::start(EventSink &sink)
{
    QStringList reasons;
    for (qsizetype i = 0; i < m_candidates.size(); ++i) {
        if (i > 0)
            m_current = m_candidates[i].make(reasons.join(u"; "_s));
        auto started = m_current->start(sink);
        if (started)
            return {};
        const QString &name = m_candidates[i].name, &why = started.error().message;
        reasons.append(why.startsWith(name + u':') ? why : u"%1: %2"_s.arg(name, why));
    }
    return Error{reasons.join(u"; "_s)};
}

void FallbackSource::stop()
{
    m_current->stop();
}

} // namespace Flight::Capture
