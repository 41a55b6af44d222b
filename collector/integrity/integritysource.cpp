// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritysource.h"

#include "hostinfo.h"
#include "kmsg.h"
#include "kmsgreader.h"
#include "statediff.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace Flight::Integrity {

namespace {

Q_LOGGING_CATEGORY(lcIntegrity, "flightrec.integrity")

bool isCostly(const QString &check)
{
    return check == "files"_L1 || check == "packages"_L1 || check == "packagefiles"_L1;
}

} // namespace

QSet<quint32> ownBpfProgramIds()
{
    QSet<quint32> ids;
    const QDir fdinfo(u"/proc/self/fdinfo"_s);
    for (const QString &fd : fdinfo.entryList(QDir::Files)) {
        QFile file(fdinfo.filePath(fd));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.read(64 * 1024).split('\n')) {
            if (line.startsWith("prog_id:"))
                ids.insert(line.mid(8).trimmed().toUInt());
        }
    }
    return ids;
}

IntegritySource::IntegritySource(IntegrityOptions options, std::shared_ptr<IntegrityTriggers> triggers)
    : m_options(std::move(options))
    , m_triggers(std::move(triggers))
{
    if (!m_options.checks.ownBpfPrograms)
        m_options.checks.ownBpfPrograms = ownBpfProgramIds;
}

IntegritySource::~IntegritySource()
{
    stop();
}

Format::Backend IntegritySource::backend() const
{
    QStringList reasons = m_problems;
    {
        const QMutexLocker lock(&m_pendingMutex);
        reasons.append(m_pending.values());
    }
    return {u"integrity"_s, u"checks"_s, !m_problems.isEmpty(), reasons.join(u"; "_s)};
}

Expected<void> IntegritySource::start(Capture::EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"integrity: already started"_s};
    m_sink = &sink;
    m_problems.clear();
    {
        const QMutexLocker lock(&m_pendingMutex);
        m_pending.clear();
    }
    m_checks.clear();
    const auto now = SteadyClock::now();
    for (auto &check : makeChecks(m_options.checks)) {
        const auto period = isCostly(check->name()) ? m_options.sweep : m_options.interval;
        m_checks.push_back({std::move(check), period, now + period, std::nullopt, {}, false});
        Check &added = m_checks.back();
        observe(added);
        if (!added.last && !added.notReady)
            m_problems.append(added.lastError);
    }
    if (!m_options.kmsgPath.isEmpty()) {
        auto reader = std::make_unique<KmsgReader>(m_options.kmsgPath);
        if (auto opened = reader->open(); opened)
            m_kmsg = std::move(reader);
        else
            m_problems.append(u"kernel log not read: %1"_s.arg(opened.error().message));
    }
    m_stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_stopFd < 0)
        return Error{u"integrity: eventfd: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)))};
    m_thread = std::thread([this] { run(); });
    return {};
}

void IntegritySource::stop()
{
    if (!m_thread.joinable())
        return;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_stopFd, &one, sizeof one);
    m_thread.join();
    ::close(m_stopFd);
    m_stopFd = -1;
    m_kmsg.reset();
}

void IntegritySource::deliver(Format::EventBody body)
{
    m_sink->deliver({Capture::realtimeNs(), Capture::boottimeNs(), std::move(body)});
}

void IntegritySource::observe(Check &check)
{
    const QString name = check.check->name();
    auto items = check.check->observe();
    if (!items) {
        const QString error = u"%1: %2"_s.arg(name, items.error().message);
        const bool notReady = items.error().code == kNotReady;
        if (notReady && !check.notReady)
            qCInfo(lcIntegrity, "%s", qPrintable(error)); // progress: once, not at every step
        else if (!notReady && error != check.lastError)
            qCWarning(lcIntegrity, "%s", qPrintable(error));
        check.lastError = error;
        check.notReady = notReady;
        if (notReady) {
            const QMutexLocker lock(&m_pendingMutex);
            m_pending.insert(name, error);
        }
        return;
    }
    check.lastError.clear();
    check.notReady = false;
    if (!check.last) {
        {
            const QMutexLocker lock(&m_pendingMutex);
            m_pending.remove(name);
        }
        deliver(Format::StateSnapshot{name, *items});
    } else if (auto change = diffState(name, *check.last, *items)) {
        deliver(std::move(*change));
    }
    check.last = std::move(*items);
}

void IntegritySource::readKernelLog()
{
    if (!m_kmsg)
        return;
    for (;;) {
        auto batch = m_kmsg->readAvailable();
        if (!batch) {
            qCWarning(lcIntegrity, "%s; the kernel log is no longer read", qPrintable(batch.error().message));
            m_kmsg.reset();
            return;
        }
        bool aboutModulesOrBpf = false;
        for (const KmsgRecord &record : batch->records) {
            if (isAboutModulesOrBpf(record)) {
                deliver(toKernelLog(record));
                aboutModulesOrBpf = true;
            }
        }
        if (batch->lost > 0)
            deliver(Format::RecorderLoss{u"integrity.kmsg"_s, batch->lost, Format::LossUnit::Events,
                                         u"kernel log records overwritten before they were read"_s, {}, {}, {}, {}});
        if (aboutModulesOrBpf)
            m_triggers->trigger({u"modules"_s, u"bpf"_s});
        if (batch->records.size() < 4096)
            return;
    }
}

void IntegritySource::run()
{
    ::pthread_setname_np(::pthread_self(), "flightrec-integ");
    std::optional<SteadyClock::time_point> triggeredAt;
    QSet<QString> triggered;
    for (;;) {
        auto next = SteadyClock::time_point::max();
        for (const Check &check : m_checks)
            next = std::min(next, check.due);
        if (triggeredAt)
            next = std::min(next, *triggeredAt + m_options.triggerDelay);
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - SteadyClock::now());
        pollfd fds[3] = {{m_stopFd, POLLIN, 0},
                         {m_triggers ? m_triggers->wakeFd() : -1, POLLIN, 0},
                         {m_kmsg ? m_kmsg->fd() : -1, POLLIN, 0}};
        const int timeout = int(std::clamp<qint64>(wait.count(), 0, 60'000));
        if (::poll(fds, 3, timeout) < 0 && errno != EINTR) {
            qCCritical(lcIntegrity, "poll failed, integrity checks stop: %s", std::strerror(errno));
            return;
        }
        if (fds[0].revents & POLLIN)
            return;
        if (fds[2].revents & (POLLIN | POLLERR))
            readKernelLog();
        if (m_triggers) {
            const QSet<QString> taken = m_triggers->take();
            if (!taken.isEmpty() && !triggeredAt)
                triggeredAt = SteadyClock::now();
            triggered.unite(taken);
        }
        const auto now = SteadyClock::now();
        const bool triggerDue = triggeredAt && now >= *triggeredAt + m_options.triggerDelay;
        for (Check &check : m_checks) {
            if (now >= check.due || (triggerDue && triggered.contains(check.check->name()))) {
                observe(check);
                check.due = SteadyClock::now() + check.period;
            }
        }
        if (triggerDue) {
            triggered.clear();
            triggeredAt.reset();
        }
    }
}

} // namespace Flight::Integrity
