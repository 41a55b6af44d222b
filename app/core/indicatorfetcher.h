// SPDX-License-Identifier: GPL-3.0-or-later
// Fetching an indicator list from an http(s) URL (Qt Network). The server is untrusted: redirects are limited in
// number and never go from https to http, a transfer that stalls longer than the timeout is abandoned, a body larger
// than the size cap is refused as soon as its header or its bytes say so. A conditional request (If-None-Match /
// If-Modified-Since from the stored ETag and Last-Modified) lets the server answer 304 Not Modified.
// Thread: a thread with an event loop (the GUI thread is fine: nothing blocks); fetchBlocking() runs its own loop.
// Errors name the URL and the reason in one sentence.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <atomic>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Deck::Core {

struct FetchLimits
{
    qint64 maxBytes = 64LL * 1024 * 1024;
    int stallTimeoutMs = 30'000; // no byte for this long: abandoned
    int totalTimeoutMs = 300'000; // the whole transfer
    int maxRedirects = 5;
};

struct FetchResult
{
    enum class Status { Fetched, NotModified, Failed, Cancelled };
    Status status = Status::Failed;
    QByteArray body;
    QString etag;
    QString lastModified;
    QUrl finalUrl; // after redirects
    QString error; // Failed: "https://...: the reason"
};

class IndicatorFetcher : public QObject
{
    Q_OBJECT
public:
    explicit IndicatorFetcher(QObject *parent = nullptr);
    ~IndicatorFetcher() override;

    static bool isUrl(const QString &text); // http:// or https://

    void setLimits(const FetchLimits &limits) { m_limits = limits; }
    // Starts a fetch (one at a time); etag/lastModified make it conditional. Ends with finished().
    void start(const QUrl &url, const QString &etag = {}, const QString &lastModified = {});
    void cancel();

    // Runs a fetch to its end in a local event loop; `progress` gets (received, total or -1); setting *cancel stops.
    static FetchResult fetchBlocking(const QUrl &url, const QString &etag, const QString &lastModified,
                                     const FetchLimits &limits, const std::function<void(qint64, qint64)> &progress,
                                     const std::atomic<bool> *cancel);

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const Deck::Core::FetchResult &result);

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString &reason);
    void stop();

    FetchLimits m_limits;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline = nullptr;
    QUrl m_url;
    QByteArray m_body;
    QString m_failure;
    bool m_cancelled = false;
};

} // namespace Deck::Core
