// SPDX-License-Identifier: GPL-3.0-or-later
#include "casesession.h"

#include "detectionjob.h"

namespace Deck::Models {

CaseSession::CaseSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_opening, &QFutureWatcher<Core::Expected<QString>>::finished, this, [this] {
        if (m_opening.future().resultCount() == 0)
            return;
        const auto result = m_opening.result();
        if (!result) {
            m_worker.reset();
            m_location.clear();
            Q_EMIT failed(result.error().message);
            return;
        }
        m_name = *result;
        m_open = true;
        m_writer = openWorker(); // connects on its own thread; jobs queued meanwhile wait for it
        Q_EMIT opened(m_name);
    });
}

CaseSession::~CaseSession()
{
    m_opening.cancel();
    m_opening.waitForFinished();
    if (m_open)
        Q_EMIT aboutToClose(); // the writer's users let go of it before it goes
}

void CaseSession::open(const QString &location)
{
    close();
    m_location = location;
    m_worker = std::make_unique<CaseWorker>();
    m_opening.setFuture(m_worker->open(location));
}

void CaseSession::close()
{
    m_opening.cancel();
    m_opening.waitForFinished();
    const bool wasOpen = m_open;
    if (wasOpen)
        Q_EMIT aboutToClose();
    m_open = false;
    m_writer.reset();
    m_worker.reset();
    m_location.clear();
    m_name.clear();
    m_selection.clear();
    const bool hadKey = m_caseKey.has_value();
    m_caseKey.reset();
    if (wasOpen)
        Q_EMIT closed();
    if (hadKey)
        Q_EMIT caseKeyChanged();
}

void CaseSession::setCaseKey(std::optional<Flight::Format::DecryptionKey> key)
{
    m_caseKey = std::move(key);
    Q_EMIT caseKeyChanged();
}

Core::ImportOptions CaseSession::importOptions() const
{
    Core::ImportOptions options;
    options.caseKey = m_caseKey;
    // Every intake of the GUI evaluates the rules of the rules-folder setting (read on the writer, not here).
    options.rulesFolder = rulesFolder();
    return options;
}

std::unique_ptr<CaseWorker> CaseSession::openWorker() const
{
    auto worker = std::make_unique<CaseWorker>();
    if (m_open)
        (void)worker->open(m_location);
    return worker;
}

} // namespace Deck::Models
