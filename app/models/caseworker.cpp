// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseworker.h"

namespace Deck::Models {

CaseWorker::CaseWorker(QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("flightdeck-case"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

CaseWorker::~CaseWorker()
{
    m_closing = true;
    // Queued behind every job already posted (which are skipped); the connection is closed in the thread that opened
    // it. The thread's loop is told to quit from that task: a quit() from here could end the loop before it ran.
    post([this] {
        m_database.reset();
        delete m_context;
        m_thread.quit();
    });
    m_thread.wait();
}

void CaseWorker::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

QFuture<Core::Expected<QString>> CaseWorker::open(const QString &location)
{
    auto promise = std::make_shared<QPromise<Core::Expected<QString>>>();
    auto future = promise->future();
    promise->start();
    post([this, promise, location] {
        m_database.reset();
        auto opened = Core::Database::open(location);
        if (opened) {
            m_database = std::move(*opened);
            promise->addResult(m_database->name());
        } else {
            promise->addResult(opened.error());
        }
        promise->finish();
    });
    return future;
}

} // namespace Deck::Models
