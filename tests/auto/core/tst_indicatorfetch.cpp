// SPDX-License-Identifier: GPL-3.0-or-later
// Indicator lists from URLs and files through flightdeck-cli indicators and IndicatorFetcher, against a real HTTP/1.1
// server the test runs (QTcpServer on 127.0.0.1): a list, a changed list, 304 Not Modified for the conditional
// request, a body over the size cap, a server that never answers (timeout), redirects; and a list file with bad
// lines. The case is the query scenario imported by the real importer, so matches raise real alerts.
#include "indicatorfetcher.h"
#include "queryfixture.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

struct HttpReply
{
    QByteArray status = "200 OK";
    QByteArray headers; // extra lines, each ending in \r\n
    QByteArray body;
    bool hang = false; // read the request, never answer
    qint64 declaredLength = -1; // Content-Length to claim (default: the body's); -2: none, close to end
};

// A minimal HTTP/1.1 server: one request per connection, answered by `respond`, then closed.
class HttpServer : public QObject
{
public:
    HttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url(const QString &path) const { return u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path); }

    std::function<HttpReply(const QByteArray &request)> respond;
    QList<QByteArray> requests;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        requests.append(buffer);
        const HttpReply reply = respond(buffer);
        buffer.clear();
        if (reply.hang)
            return;
        QByteArray response = "HTTP/1.1 " + reply.status + "\r\nContent-Type: text/plain\r\n" + reply.headers;
        if (reply.declaredLength != -2)
            response += "Content-Length: "
                      + QByteArray::number(reply.declaredLength >= 0 ? reply.declaredLength : reply.body.size()) + "\r\n";
        response += "Connection: close\r\n\r\n" + reply.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

HttpReply list(const QByteArray &body, const QByteArray &etag)
{
    return {"200 OK", "ETag: " + etag + "\r\nLast-Modified: Wed, 01 Oct 2025 08:00:00 GMT\r\n", body, false, -1};
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestIndicatorFetch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addUpdateNotModified();
    void hugeAndHangingListsRefused();
    void fetcherLimitsAndRedirects();
    void fileWithBadLines();

private:
    // Runs flightdeck-cli on the case while this thread keeps serving HTTP.
    CliResult cli(const QStringList &arguments);
    qint64 count(const QString &sql);

    QTemporaryDir m_dir;
    QString m_case;
    std::unique_ptr<Database> m_db;
    HttpServer m_http;
};

void TestIndicatorFetch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_http.listen());
    m_case = m_dir.filePath(u"case.flightcase"_s);
    const QString folder = m_dir.filePath(u"archives"_s);
    QVERIFY(QDir().mkpath(folder));
    auto opened = openScenarioCase(m_case, folder);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
}

CliResult TestIndicatorFetch::cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FLIGHTDECK_CLI), QStringList{u"--db"_s, m_case} + arguments);
    CliResult result;
    if (!process.waitForStarted() || !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
        result.err = u"flightdeck-cli did not finish"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

qint64 TestIndicatorFetch::count(const QString &sql)
{
    return m_db->scalar(sql).value().toLongLong();
}

void TestIndicatorFetch::addUpdateNotModified()
{
    QByteArray current = "# feed v1\n203.0.113.5\nevil.example\n";
    QByteArray etag = "\"v1\"";
    m_http.respond = [&](const QByteArray &request) {
        if (request.contains("If-None-Match: " + etag))
            return HttpReply{"304 Not Modified", "ETag: " + etag + "\r\n", {}, false, -1};
        return list(current, etag);
    };
    const QString url = m_http.url(u"/lists/feed.txt"_s);
    CliResult added = cli({u"indicators"_s, u"add"_s, url, u"--json"_s});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QStringList lines = added.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject stored = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    QCOMPARE(stored.value("name"_L1).toString(), u"feed"_s); // the URL's base name
    QCOMPARE(stored.value("outcome"_L1).toString(), u"added"_s);
    QCOMPARE(stored.value("indicators"_L1).toInt(), 2);
    // 203.0.113.5: alpha's curl and beta's wget connected to it; evil.example: in both their argv.
    QCOMPARE(QJsonDocument::fromJson(lines.at(1).toUtf8()).object().value("alerts_raised"_L1).toInt(), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM alerts WHERE source = 'indicator' AND rule = 'feed'"_s), 4);
    QVERIFY(!m_http.requests.constLast().contains("If-None-Match"));

    // The list changed: replaced whole, the request was conditional on the stored ETag, and matched again.
    current = "# feed v2\n198.51.100.7\n";
    etag = "\"v2\"";
    CliResult changed = cli({u"indicators"_s, u"update"_s, u"feed"_s});
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
    QVERIFY2(changed.out.startsWith("feed: replaced, 1 indicators (1 address) from "_L1), qPrintable(changed.out));
    QVERIFY(changed.out.contains("matched 1 indicators: 1 hits, 1 new alerts"_L1));
    QVERIFY(m_http.requests.constLast().contains("If-None-Match: \"v1\"\r\n"));
    QVERIFY(m_http.requests.constLast().contains("If-Modified-Since: Wed, 01 Oct 2025 08:00:00 GMT\r\n"));
    QCOMPARE(count(u"SELECT COUNT(*) FROM indicators"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM alerts WHERE source = 'indicator'"_s), 5); // earlier alerts stay

    // Not modified: the list is kept, only its check time moves.
    const qint64 fetched = count(u"SELECT fetched_ts FROM indicator_lists"_s);
    const qint64 checked = count(u"SELECT checked_ts FROM indicator_lists"_s);
    CliResult same = cli({u"indicators"_s, u"update"_s});
    QVERIFY2(same.exitCode == 0, qPrintable(same.err));
    QVERIFY2(same.out.startsWith("feed: not-modified ("_L1), qPrintable(same.out));
    QVERIFY(m_http.requests.constLast().contains("If-None-Match: \"v2\"\r\n"));
    QCOMPARE(count(u"SELECT fetched_ts FROM indicator_lists"_s), fetched);
    QVERIFY(count(u"SELECT checked_ts FROM indicator_lists"_s) > checked);
    QCOMPARE(count(u"SELECT COUNT(*) FROM indicators"_s), 1);

    CliResult shown = cli({u"indicators"_s, u"list"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject listed = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    QCOMPARE(listed.value("source"_L1).toString(), url);
    QCOMPARE(listed.value("etag"_L1).toString(), u"\"v2\""_s);
    QCOMPARE(listed.value("matches"_L1).toInt(), 5);
    QVERIFY(listed.value("from_url"_L1).toBool());
}

void TestIndicatorFetch::hugeAndHangingListsRefused()
{
    m_http.respond = [](const QByteArray &) { return list("192.0.2.77\n", "\"h1\""); };
    const QString url = m_http.url(u"/huge"_s);
    QCOMPARE(cli({u"indicators"_s, u"add"_s, url, u"--name"_s, u"huge"_s}).exitCode, 0);
    const qint64 before = count(u"SELECT COUNT(*) FROM indicators i JOIN indicator_lists l ON l.id = i.list_id "
                                u"WHERE l.name = 'huge'"_s);
    QCOMPARE(before, 1);

    m_http.respond = [](const QByteArray &) {
        return HttpReply{"200 OK", {}, "10.0.0.1\n", false, 200LL * 1024 * 1024};
    };
    CliResult huge = cli({u"indicators"_s, u"update"_s, u"huge"_s});
    QCOMPARE(huge.exitCode, 2);
    QCOMPARE(huge.err, u"flightdeck-cli: indicator list huge: %1: the list is 200 MiB, more than the limit of 64 MiB\n"_s
                           .arg(url));

    m_http.respond = [](const QByteArray &) { return HttpReply{{}, {}, {}, true, -1}; };
    QElapsedTimer timer;
    timer.start();
    CliResult hang = cli({u"indicators"_s, u"update"_s, u"huge"_s, u"--timeout"_s, u"1"_s});
    QCOMPARE(hang.exitCode, 2);
    QCOMPARE(hang.err, u"flightdeck-cli: indicator list huge: %1: no data for 1 s (timed out)\n"_s.arg(url));
    QVERIFY2(timer.elapsed() < 20000, "the timeout is the stall time, not the test's");
    QCOMPARE(count(u"SELECT COUNT(*) FROM indicators i JOIN indicator_lists l ON l.id = i.list_id "
                   u"WHERE l.name = 'huge'"_s),
             before);
    QCOMPARE(cli({u"indicators"_s, u"remove"_s, u"huge"_s}).exitCode, 0);
}

void TestIndicatorFetch::fetcherLimitsAndRedirects()
{
    FetchLimits limits;
    limits.maxBytes = 64 * 1024;
    limits.maxRedirects = 3;
    m_http.respond = [this](const QByteArray &request) {
        if (request.startsWith("GET /stream "))
            return HttpReply{"200 OK", {}, QByteArray(1024 * 1024, 'x'), false, -2}; // no length: the bytes tell
        if (request.startsWith("GET /moved "))
            return HttpReply{"302 Found", "Location: " + m_http.url(u"/final"_s).toLatin1() + "\r\n", {}, false, -1};
        if (request.startsWith("GET /loop "))
            return HttpReply{"302 Found", "Location: /loop\r\n", {}, false, -1};
        if (request.startsWith("GET /final "))
            return list("203.0.113.9\n", "\"f\"");
        return HttpReply{"404 Not Found", {}, "no", false, -1};
    };
    const auto fetch = [&](const QString &path) {
        return IndicatorFetcher::fetchBlocking(QUrl(m_http.url(path)), {}, {}, limits, {}, nullptr);
    };
    const FetchResult streamed = fetch(u"/stream"_s);
    QCOMPARE(streamed.status, FetchResult::Status::Failed);
    QCOMPARE(streamed.error, m_http.url(u"/stream"_s) + u": the list is larger than the limit of 65536 bytes"_s);
    const FetchResult moved = fetch(u"/moved"_s);
    QCOMPARE(moved.status, FetchResult::Status::Fetched);
    QCOMPARE(moved.body, QByteArray("203.0.113.9\n"));
    QCOMPARE(moved.finalUrl.path(), u"/final"_s);
    QCOMPARE(moved.etag, u"\"f\""_s);
    const FetchResult loop = fetch(u"/loop"_s);
    QCOMPARE(loop.status, FetchResult::Status::Failed);
    QCOMPARE(loop.error, m_http.url(u"/loop"_s) + u": more than 3 redirects"_s);
    const FetchResult missing = fetch(u"/missing"_s);
    QCOMPARE(missing.error, m_http.url(u"/missing"_s) + u": HTTP 404 Not Found"_s);
    const FetchResult notHttp = IndicatorFetcher::fetchBlocking(QUrl(u"ftp://127.0.0.1/x"_s), {}, {}, limits, {}, {});
    QCOMPARE(notHttp.error, u"ftp://127.0.0.1/x: not an http or https URL"_s);

    std::atomic<bool> cancel{false};
    m_http.respond = [](const QByteArray &) { return HttpReply{{}, {}, {}, true, -1}; };
    QTimer::singleShot(300, [&] { cancel.store(true); });
    const FetchResult cancelled = IndicatorFetcher::fetchBlocking(QUrl(m_http.url(u"/slow"_s)), {}, {}, limits, {}, &cancel);
    QCOMPARE(cancelled.status, FetchResult::Status::Cancelled);
}

void TestIndicatorFetch::fileWithBadLines()
{
    const QString path = m_dir.filePath(u"local-list.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# analyst's list\n/tmp/drop/*\nnot-a-thing here\n10.0.0.0/33\n**/python3\n");
    file.close();
    CliResult added = cli({u"indicators"_s, u"add"_s, path, u"--name"_s, u"local"_s});
    QCOMPARE(added.exitCode, 1); // lines were rejected; the rest is kept
    QCOMPARE(added.err,
             u"flightdeck-cli: %1 (list local), line 3: \u201cnot-a-thing here\u201d is not an IP address, CIDR "
             u"range, domain, digest or path pattern\nflightdeck-cli: %1 (list local), line 4: \u201c10.0.0.0/33\u201d "
             u"is not a CIDR range\n"_s.arg(path));
    QVERIFY2(added.out.startsWith("local: added, 2 indicators (2 path) from "_L1), qPrintable(added.out));
    QVERIFY(added.out.contains("3 new alerts"_L1)); // a.sh, b.bin, python3's exec

    CliResult shown = cli({u"indicators"_s, u"show"_s, u"local"_s});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains("bad lines:   2\n"_L1), qPrintable(shown.out));
    QVERIFY2(shown.out.contains(u"     2 path"_s + QString(17, u' ') + u"/tmp/drop/*\n"_s), qPrintable(shown.out));
    QCOMPARE(cli({u"indicators"_s, u"match"_s}).out.contains("0 new alerts"_L1), true);

    CliResult again = cli({u"indicators"_s, u"add"_s, path, u"--name"_s, u"local"_s});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(u"\u201clocal\u201d exists"_s), qPrintable(again.err));
    CliResult unknown = cli({u"indicators"_s, u"show"_s, u"nope"_s});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err, u"flightdeck-cli: no indicator list named \u201cnope\u201d in %1\n"_s.arg(m_db->name()));
    CliResult missing = cli({u"indicators"_s, u"add"_s, m_dir.filePath(u"missing.txt"_s)});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("cannot read the indicator list"_L1), qPrintable(missing.err));
    CliResult usage = cli({u"indicators"_s, u"frobnicate"_s});
    QCOMPARE(usage.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestIndicatorFetch)
#include "tst_indicatorfetch.moc"
