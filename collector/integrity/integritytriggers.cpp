// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritytriggers.h"

#include <QMutexLocker>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

bool changesNames(Format::FileOp op)
{
    return op == Format::FileOp::Write || op == Format::FileOp::Create || op == Format::FileOp::Delete
        || op == Format::FileOp::Rename;
}

void pathTriggers(const QByteArray &path, const FilesCheck &files, const QByteArray &dpkgAdminDir,
                  QSet<QString> &checks)
{
    if (files.watches(path))
        checks.insert(u"files"_s);
    if ((path.startsWith(dpkgAdminDir) && path.size() > dpkgAdminDir.size() && path[dpkgAdminDir.size()] == '/')
        || path.startsWith("/var/lib/rpm/"))
        checks.insert(u"packages"_s);
    if (path == "/run/utmp" || path == "/var/run/utmp")
        checks.insert(u"logins"_s);
    if (path == "/etc/passwd" || path == "/etc/group")
        checks.insert(u"accounts"_s);
}

} // namespace

QSet<QString> checksTriggeredBy(const Format::Event &event, const FilesCheck &files, const QByteArray &dpkgAdminDir)
{
    QSet<QString> checks;
    if (const auto *file = std::get_if<Format::FileAccess>(&event.body); file && changesNames(file->op)) {
        pathTriggers(file->path, files, dpkgAdminDir, checks);
        if (file->to)
            pathTriggers(*file->to, files, dpkgAdminDir, checks);
    } else if (const auto *net = std::get_if<Format::NetEndpoint>(&event.body)) {
        const bool tcpListener = net->proto == Format::Proto::Tcp
            && (net->op == Format::NetOp::Listen || (net->op == Format::NetOp::Close && !net->remote));
        if (tcpListener || (net->proto == Format::Proto::Udp && net->op == Format::NetOp::Bind))
            checks.insert(u"listeners"_s);
    }
    return checks;
}

IntegrityTriggers::IntegrityTriggers(const CheckOptions &options)
    : m_files(options)
    , m_dpkgAdminDir(options.dpkgAdminDir.toUtf8())
    , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
}

IntegrityTriggers::~IntegrityTriggers()
{
    if (m_wake >= 0)
        ::close(m_wake);
}

void IntegrityTriggers::note(const Format::Event &event)
{
    const QSet<QString> checks = checksTriggeredBy(event, m_files, m_dpkgAdminDir);
    if (!checks.isEmpty())
        trigger(checks);
}

void IntegrityTriggers::trigger(const QSet<QString> &checks)
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.unite(checks);
    }
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one); // EAGAIN: full, and readable anyway
}

QSet<QString> IntegrityTriggers::take()
{
    quint64 count = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wake, &count, sizeof count); // EAGAIN: nothing was pending
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_pending, {});
}

} // namespace Flight::Integrity
