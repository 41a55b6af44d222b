// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorfetcher.h"

#include "indicatorparser.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QString shownUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

QString mebibytes(qint64 bytes)
{
    return sizeText(bytes);
}

} // namespace

IndicatorFetcher::IndicatorFetcher(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this,
            [this] { fail(u"the transfer took longer than %1 s"_s.arg(m_limits.totalTimeoutMs / 1000)); });
}

IndicatorFetcher::~IndicatorFetcher()
{
    if (m_reply)
        m_reply->disconnect(this); // deleted with the manager, which stops its transfer (see stop())
}

bool IndicatorFetcher::isUrl(const QString &text)
{
    return text.startsWith("http://"_L1, Qt::CaseInsensitive) || text.startsWith("https://"_L1, Qt::CaseInsensitive);
}

void IndicatorFetcher::start(const QUrl &url, const QString &etag, const QString &lastModified)
{
    m_url = url;
    m_body.clear();
    m_failure.clear();
    m_cancelled = false;
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty()) {
        FetchResult result;
        result.error = u"%1: not an http or https URL"_s.arg(shownUrl(url));
        QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_limits.stallTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_limits.maxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"flightdeck/" FLIGHT_VERSION ""_s);
    if (!etag.isEmpty())
        request.setRawHeader("If-None-Match", etag.toLatin1());
    if (!lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", lastModified.toLatin1());
    m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &IndicatorFetcher::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &IndicatorFetcher::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &IndicatorFetcher::progress);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_limits.maxBytes)
            fail(u"the list is %1, more than the limit of %2"_s.arg(mebibytes(length.toLongLong()),
                                                                     mebibytes(m_limits.maxBytes)));
    });
    m_deadline->start(m_limits.totalTimeoutMs);
}

void IndicatorFetcher::cancel()
{
    m_cancelled = true;
    stop();
}

// Ends the fetch with the cancellation or failure, unless it ended already. The reply is let go, not aborted: its
// destructor stops the transfer in Qt's network thread, whereas abort() reports an error of its own, and when that
// thread has one on its way too (the server closed the connection, say), Qt prints "Internal problem, this method
// must only be called once" on stderr. Queued: ending from inside the reply's own signal (metaDataChanged,
// readyRead) upsets QNetworkReply.
void IndicatorFetcher::stop()
{
    if (!m_reply)
        return;
    QMetaObject::invokeMethod(
        this,
        [this, reply = m_reply] {
            if (reply && reply == m_reply) {
                reply->disconnect(this);
                onFinished(); // reports the cancellation or failure, which it looks at first; deletes the reply
            }
        },
        Qt::QueuedConnection);
}

void IndicatorFetcher::onReadyRead()
{
    if (!m_reply || !m_failure.isEmpty())
        return;
    m_body += m_reply->read(m_limits.maxBytes + 1 - m_body.size());
    if (m_body.size() > m_limits.maxBytes)
        fail(u"the list is larger than the limit of %1"_s.arg(mebibytes(m_limits.maxBytes)));
}

void IndicatorFetcher::fail(const QString &reason)
{
    if (m_failure.isEmpty())
        m_failure = reason;
    stop();
}

void IndicatorFetcher::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_deadline->stop();
    reply->deleteLater();
    m_reply.clear();
    FetchResult result;
    result.finalUrl = reply->url();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = shownUrl(m_url);
    if (m_cancelled) {
        result.status = FetchResult::Status::Cancelled;
        result.error = u"%1: cancelled"_s.arg(where);
    } else if (!m_failure.isEmpty()) {
        result.error = u"%1: %2"_s.arg(where, m_failure);
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        result.error = u"%1: no data for %2 s (timed out)"_s.arg(where).arg(m_limits.stallTimeoutMs / 1000);
    } else if (reply->error() == QNetworkReply::TooManyRedirectsError) {
        result.error = u"%1: more than %2 redirects"_s.arg(where).arg(m_limits.maxRedirects);
    } else if (reply->error() == QNetworkReply::InsecureRedirectError) {
        result.error = u"%1: refused a redirect from https to http"_s.arg(where);
    } else if (status == 304) {
        result.status = FetchResult::Status::NotModified;
    } else if (status >= 300 || (reply->error() != QNetworkReply::NoError && status == 0)) {
        const QString reason = status ? u"HTTP %1 %2"_s.arg(status).arg(
                                            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                                      : reply->errorString();
        result.error = u"%1: %2"_s.arg(where, reason.trimmed());
    } else {
        m_body += reply->readAll();
        if (m_body.size() > m_limits.maxBytes) {
            result.error = u"%1: the list is larger than the limit of %2"_s.arg(where, mebibytes(m_limits.maxBytes));
        } else {
            result.status = FetchResult::Status::Fetched;
            result.body = std::exchange(m_body, {});
        }
    }
    if (result.status != FetchResult::Status::Failed || result.error.isEmpty()) {
        result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
        result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    }
    Q_EMIT finished(result);
}

FetchResult IndicatorFetcher::fetchBlocking(const QUrl &url, const QString &etag, const QString &lastModified,
                                            const FetchLimits &limits,
                                            const std::function<void(qint64, qint64)> &progress,
                                            const std::atomic<bool> *cancel)
{
    IndicatorFetcher fetcher;
    fetcher.setLimits(limits);
    QEventLoop loop;
    FetchResult result;
    connect(&fetcher, &IndicatorFetcher::finished, &loop, [&](const FetchResult &done) {
        result = done;
        loop.quit();
    });
    if (progress)
        connect(&fetcher, &IndicatorFetcher::progress, &loop, progress);
    QTimer poll;
    if (cancel) {
        connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancel->load())
                fetcher.cancel();
        });
        poll.start(100);
    }
    fetcher.start(url, etag, lastModified);
    loop.exec();
    return result;
}

} // namespace Deck::Core
