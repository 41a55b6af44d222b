// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts.h"

#include "eventcodec.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QProcess>
#include <cerrno>
#include <cstring>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

namespace {

Q_LOGGING_CATEGORY(lcAlerts, "flightrec.alerts")

QString valueText(const Format::AttrValue &value)
{
    if (const auto *b = std::get_if<bool>(&value))
        return *b ? u"true"_s : u"false"_s;
    if (const auto *n = std::get_if<qint64>(&value))
        return QString::number(*n);
    return std::get<QString>(value);
}

QString attributes(const Format::StateItem &item)
{
    QStringList parts;
    for (auto a = item.attrs.cbegin(); a != item.attrs.cend(); ++a)
        parts.append(u"%1=%2"_s.arg(a.key(), valueText(a.value())));
    return parts.join(u' ');
}

QString differences(const Format::ItemChange &change)
{
    QStringList parts;
    QStringList keys = change.before.attrs.keys() + change.after.attrs.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : keys) {
        const auto before = change.before.attrs.value(key), after = change.after.attrs.value(key);
        const bool hadBefore = change.before.attrs.contains(key), hasAfter = change.after.attrs.contains(key);
        if (hadBefore == hasAfter && before == after)
            continue;
        parts.append(u"%1: %2 -> %3"_s.arg(key, hadBefore ? valueText(before) : u"(none)"_s,
                                           hasAfter ? valueText(after) : u"(none)"_s));
    }
    return parts.join(u", "_s);
}

// "added X (attrs)", "removed X (attrs)", "changed X: a: 1 -> 2", in that order.
QStringList itemLines(const Format::StateChange &change)
{
    QStringList lines;
    for (const Format::StateItem &item : change.added)
        lines.append(u"added %1 (%2)"_s.arg(item.id, attributes(item)));
    for (const Format::StateItem &item : change.removed)
        lines.append(u"removed %1 (%2)"_s.arg(item.id, attributes(item)));
    for (const Format::ItemChange &item : change.changed)
        lines.append(u"changed %1: %2"_s.arg(item.id, differences(item)));
    return lines;
}

QString heading(const Format::StateChange &change, const QString &host)
{
    return u"flightrec on %1: %2 integrity change in %3"_s.arg(host, QString::fromLatin1(severityName(change.severity)),
                                                                 change.check);
}

// Control characters from hostile item ids or attributes would drive the terminals wall writes to.
QString printable(QString text)
{
    for (QChar &c : text) {
        if (c != u'\n' && (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format))
            c = u'?';
    }
    return text;
}

class SyslogSink final : public AlertSink
{
public:
    SyslogSink(QString host, QString socketPath)
        : m_host(std::move(host))
        , m_socketPath(std::move(socketPath))
    {
    }
    QString name() const override { return u"syslog"_s; }

    Expected<void> send(const Format::Event &, const Format::StateChange &change) override
    {
        constexpr int kAuthpriv = 10 << 3, kAlert = 1, kWarning = 4;
        const int priority = kAuthpriv | (change.severity == Format::Severity::High ? kAlert : kWarning);
        const QByteArray stamp = QDateTime::currentDateTime().toString(u"MMM d HH:mm:ss"_s).toLatin1();
        const QByteArray message = '<' + QByteArray::number(priority) + '>' + stamp + " flightrec["
            + QByteArray::number(::getpid()) + "]: " + printable(alertLine(change, m_host)).toUtf8();
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray path = m_socketPath.toLocal8Bit();
        if (path.size() >= qsizetype(sizeof address.sun_path))
            return Error{u"%1: socket path too long"_s.arg(m_socketPath)};
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return Error{u"%1: %2"_s.arg(m_socketPath, QString::fromLocal8Bit(std::strerror(errno)))};
        const ssize_t n = ::sendto(fd, message.constData(), size_t(message.size()), MSG_NOSIGNAL,
                                   reinterpret_cast<const sockaddr *>(&address), sizeof address);
        const int error = errno;
        ::close(fd);
        if (n != message.size())
            return Error{u"%1: %2"_s.arg(m_socketPath, QString::fromLocal8Bit(std::strerror(error)))};
        return {};
    }

private:
    QString m_host, m_socketPath;
};

// Runs argv with `input` on stdin; fails unless it exits 0 within `timeout`.
Expected<void> runWithInput(const QStringList &argv, const QByteArray &input, std::chrono::milliseconds timeout)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(argv.first(), argv.mid(1));
    if (!process.waitForStarted(int(timeout.count())))
        return Error{u"%1: %2"_s.arg(argv.first(), process.errorString())};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(timeout.count()))) {
        process.kill();
        process.waitForFinished(1000);
        return Error{u"%1: no exit within %2 ms, killed"_s.arg(argv.first()).arg(timeout.count())};
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return Error{u"%1: crashed"_s.arg(argv.first())};
    if (process.exitCode() != 0)
        return Error{u"%1: exit code %2"_s.arg(argv.first()).arg(process.exitCode())};
    return {};
}

class WallSink final : public AlertSink
{
public:
    WallSink(QString host, QString program)
        : m_host(std::move(host))
        , m_program(std::move(program))
    {
    }
    QString name() const override { return u"wall"_s; }
    Expected<void> send(const Format::Event &, const Format::StateChange &change) override
    {
        return runWithInput({m_program}, printable(alertText(change, m_host)).toUtf8() + '\n',
                            std::chrono::seconds(10));
    }

private:
    QString m_host, m_program;
};

class CommandSink final : public AlertSink
{
public:
    CommandSink(QStringList argv, std::chrono::milliseconds timeout)
        : m_argv(std::move(argv))
        , m_timeout(timeout)
    {
    }
    QString name() const override { return u"command"_s; }
    Expected<void> send(const Format::Event &event, const Format::StateChange &) override
    {
        if (m_argv.isEmpty())
            return Error{u"alert_command is not set"_s};
        return runWithInput(m_argv, Format::encodeEvent(event), m_timeout);
    }

private:
    QStringList m_argv;
    std::chrono::milliseconds m_timeout;
};

} // namespace

QString alertText(const Format::StateChange &change, const QString &host, qsizetype maxLines)
{
    const QStringList items = itemLines(change);
    QStringList lines{heading(change, host)};
    for (qsizetype i = 0; i < items.size() && i < maxLines; ++i)
        lines.append(u"  "_s + items[i]);
    if (items.size() > maxLines)
        lines.append(u"  ... and %1 more"_s.arg(items.size() - maxLines));
    return lines.join(u'\n');
}

QString alertLine(const Format::StateChange &change, const QString &host, qsizetype maxChars)
{
    QString line = heading(change, host) + u": "_s + itemLines(change).join(u"; "_s);
    if (line.size() > maxChars)
        line = line.left(maxChars) + u" ..."_s;
    return line;
}

std::unique_ptr<AlertSink> makeSyslogSink(QString host, QString socketPath)
{
    return std::make_unique<SyslogSink>(std::move(host), std::move(socketPath));
}

std::unique_ptr<AlertSink> makeWallSink(QString host, QString program)
{
    return std::make_unique<WallSink>(std::move(host), std::move(program));
}

std::unique_ptr<AlertSink> makeCommandSink(QStringList argv, std::chrono::milliseconds timeout)
{
    return std::make_unique<CommandSink>(std::move(argv), timeout);
}

Alerter::Alerter(std::vector<std::unique_ptr<AlertSink>> sinks, Format::Severity threshold, qsizetype queueLimit)
    : m_sinks(std::move(sinks))
    , m_threshold(threshold)
    , m_queueLimit(queueLimit)
{
    if (!m_sinks.empty())
        m_thread = std::thread([this] { run(); });
}

Alerter::~Alerter()
{
    stop();
}

void Alerter::post(const Format::Event &event)
{
    const auto *change = std::get_if<Format::StateChange>(&event.body);
    if (!change || change->severity < m_threshold || m_sinks.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        if (m_queue.size() >= size_t(m_queueLimit)) {
            ++m_dropped;
            return;
        }
        m_queue.push_back(event);
    }
    m_wake.notify_one();
}

void Alerter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

Alerter::Stats Alerter::stats() const
{
    return {m_sent.load(), m_failed.load(), m_dropped.load()};
}

void Alerter::run()
{
    ::pthread_setname_np(::pthread_self(), "flightrec-alert");
    QString lastFailure; // logged once while it repeats
    for (;;) {
        Format::Event event;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything queued was sent
            event = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const auto &change = std::get<Format::StateChange>(event.body);
        for (const auto &sink : m_sinks) {
            if (auto sent = sink->send(event, change); sent) {
                ++m_sent;
            } else {
                ++m_failed;
                const QString failure = u"alert sink %1: %2"_s.arg(sink->name(), sent.error().message);
                if (failure != lastFailure)
                    qCWarning(lcAlerts, "%s", qPrintable(failure));
                lastFailure = failure;
            }
        }
    }
}

} // namespace Flight::Recorder
