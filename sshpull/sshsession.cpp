// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshsession.h"

#include "hostkeycheck.h"
#include "jumptunnel.h"

#include <QFile>
#include <QLoggingCategory>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

Q_LOGGING_CATEGORY(lcSsh, "flight.sshpull", QtInfoMsg)

namespace Flight::SshPull {

namespace {

// AES-GCM first: with AES instructions it costs a fraction of chacha20-poly1305 (OpenSSH's first choice), and a
// pull is bound by the CPU on a fast link. Both ends must support one of these; every OpenSSH since 6.5 does.
constexpr const char *kCiphers = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
                                 "aes128-ctr,aes256-ctr";

QString hostText(const SshTarget &target)
{
    return u"%1 (%2 port %3)"_s.arg(target.name, target.address).arg(target.port);
}

bool cancelled(const SessionPolicy &policy)
{
    return policy.cancel && policy.cancel->load(std::memory_order_relaxed);
}

// A non-blocking connect to one address, waited for in slices so that cancellation is seen. Returns the connected
// fd, or -1 with errno set (ETIMEDOUT when the deadline passed, ECANCELED when cancelled).
int connectOne(const addrinfo *ai, Clock::time_point deadline, const SessionPolicy &policy)
{
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0)
        return -1;
    int result = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (result != 0 && errno == EINPROGRESS) {
        for (;;) {
            if (cancelled(policy)) {
                ::close(fd);
                errno = ECANCELED;
                return -1;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) {
                ::close(fd);
                errno = ETIMEDOUT;
                return -1;
            }
            pollfd p{fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, int(std::min<long long>(left, 100)));
            if (ready < 0 && errno != EINTR)
                break;
            if (ready > 0) {
                int error = 0;
                socklen_t length = sizeof error;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
                errno = error;
                result = error == 0 ? 0 : -1;
                break;
            }
        }
    }
    if (result != 0) {
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return -1;
    }
    // libssh drives the socket in blocking mode; the watchdog bounds every wait. The small SFTP read requests go out
    // at once rather than wait for Nagle's algorithm.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// A name lookup in flight (getaddrinfo_a). It lives on the heap because a lookup that cannot be cancelled keeps
// writing into it after we gave up: then it is left to the resolver (a few hundred bytes, once per timed-out lookup).
struct Lookup
{
    QByteArray name;
    QByteArray service;
    addrinfo hints{};
    gaicb request{};
};

// getaddrinfo bounded by the session's deadline and cancel flag (the plain call can block for as long as the
// resolver's own timeouts and retries last, 10 s and more with a silent DNS server).
Expected<addrinfo *> resolve(const SshTarget &target, Clock::time_point deadline, const SessionPolicy &policy)
{
    auto lookup = std::make_unique<Lookup>();
    lookup->name = target.address.toUtf8();
    lookup->service = QByteArray::number(target.port);
    lookup->hints.ai_family = AF_UNSPEC;
    lookup->hints.ai_socktype = SOCK_STREAM;
    lookup->request.ar_name = lookup->name.constData();
    lookup->request.ar_service = lookup->service.constData();
    lookup->request.ar_request = &lookup->hints;
    gaicb *requests[] = {&lookup->request};
    if (const int error = ::getaddrinfo_a(GAI_NOWAIT, requests, 1, nullptr))
        return sshError(SshReason::Unreachable,
                        u"%1: cannot resolve %2: %3"_s.arg(hostText(target), target.address,
                                                           QString::fromLocal8Bit(::gai_strerror(error))));
    int error = EAI_INPROGRESS;
    while ((error = ::gai_error(&lookup->request)) == EAI_INPROGRESS) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        const bool cancelled = policy.cancel && policy.cancel->load();
        if (left.count() <= 0 || cancelled) {
            if (::gai_cancel(&lookup->request) == EAI_NOTCANCELED)
                (void)lookup.release();
            if (cancelled)
                return sshError(SshReason::Cancelled, u"%1: cancelled while resolving"_s.arg(hostText(target)));
            return sshError(SshReason::Timeout,
                            u"%1: %2 was not resolved within %3 s"_s.arg(hostText(target))
                                .arg(target.address)
                                .arg(policy.timeoutMs / 1000.0));
        }
        const auto slice = std::min<qint64>(left.count(), 100);
        const timespec wait{time_t(slice / 1000), long(slice % 1000) * 1000000L};
        ::gai_suspend(requests, 1, &wait);
    }
    if (error != 0)
        return sshError(SshReason::Unreachable,
                        u"%1: cannot resolve %2: %3"_s.arg(hostText(target), target.address,
                                                           QString::fromLocal8Bit(::gai_strerror(error))));
    return lookup->request.ar_result;
}

Expected<int> connectTcp(const SshTarget &target, Clock::time_point deadline, const SessionPolicy &policy)
{
    auto resolved = resolve(target, deadline, policy);
    if (!resolved)
        return resolved.error();
    addrinfo *list = *resolved;
    int fd = -1;
    int lastErrno = 0;
    for (const addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
        fd = connectOne(ai, deadline, policy);
        lastErrno = errno;
        if (lastErrno == ETIMEDOUT || lastErrno == ECANCELED)
            break;
    }
    ::freeaddrinfo(list);
    if (fd >= 0)
        return fd;
    if (lastErrno == ECANCELED)
        return sshError(SshReason::Cancelled, u"%1: cancelled while connecting"_s.arg(hostText(target)));
    if (lastErrno == ETIMEDOUT)
        return sshError(SshReason::Timeout,
                        u"%1: no connection within %2 s"_s.arg(hostText(target)).arg(policy.timeoutMs / 1000.0));
    return sshError(
        SshReason::Unreachable,
        u"%1: cannot connect: %2"_s.arg(hostText(target), QString::fromLocal8Bit(std::strerror(lastErrno))));
}

} // namespace

SshSession::SshSession(SshTarget target, int fd, const SessionPolicy &policy)
    : m_target(std::move(target))
    , m_fd(fd)
    , m_watchdog(std::make_unique<SessionWatchdog>(fd, std::chrono::milliseconds(policy.timeoutMs), policy.cancel))
    , m_timeoutMs(policy.timeoutMs)
{
}

SshSession::~SshSession()
{
    m_watchdog->stop(); // before libssh closes the socket
    if (m_sftp)
        sftp_free(m_sftp);
    if (m_ssh) {
        ssh_disconnect(m_ssh); // closes m_fd
        ssh_free(m_ssh);
    } else if (m_fd >= 0) {
        ::close(m_fd);
    }
    m_tunnel.reset(); // after our end of it was closed
}

Expected<std::unique_ptr<SshSession>> SshSession::open(const SshTarget &target, const SessionPolicy &policy)
{
    return connect(target, policy, true);
}

Expected<std::unique_ptr<SshSession>> SshSession::connect(const SshTarget &target, const SessionPolicy &policy,
                                                          bool sftp)
{
    std::unique_ptr<JumpTunnel> tunnel;
    int fd = -1;
    if (target.jump) {
        if (target.jump->jump)
            return sshError(SshReason::Unsupported,
                            u"%1: the jump host %2 has a jump host itself; one jump at most"_s.arg(hostText(target),
                                                                                                   target.jump->name));
        auto via = connect(*target.jump, policy, false);
        if (!via)
            return via.error();
        auto opened = JumpTunnel::open(std::move(*via), target);
        if (!opened)
            return opened.error();
        tunnel = std::move(*opened);
        fd = tunnel->takeLocalFd();
    } else {
        auto connected = connectTcp(target, Clock::now() + std::chrono::milliseconds(policy.timeoutMs), policy);
        if (!connected)
            return connected.error();
        fd = *connected;
    }
    // The watchdog's deadline starts now: the whole limit again for handshake and login.
    std::unique_ptr<SshSession> session(new SshSession(target, fd, policy));
    session->m_tunnel = std::move(tunnel);
    if (auto done = session->handshake(policy); !done)
        return done.error();
    if (auto done = session->authenticate(policy); !done)
        return done.error();
    if (sftp) {
        session->m_sftp = sftp_new(session->m_ssh);
        if (!session->m_sftp || sftp_init(session->m_sftp) != SSH_OK)
            return session->failure(SshReason::Protocol, u"cannot start SFTP"_s);
    }
    session->m_watchdog->idle(); // from here on, the limit bounds stalls of each operation (Operation)
    return session;
}

Error SshSession::failure(SshReason reason, const QString &what) const
{
    switch (m_watchdog->tripped()) {
    case SessionWatchdog::Trip::Timeout:
        return sshError(SshReason::Timeout,
                        u"%1: %2: no answer within %3 s"_s.arg(hostText(m_target), what).arg(m_timeoutMs / 1000.0));
    case SessionWatchdog::Trip::Cancelled:
        return sshError(SshReason::Cancelled, u"%1: %2: cancelled"_s.arg(hostText(m_target), what));
    case SessionWatchdog::Trip::None:
        break;
    }
    QString detail = m_ssh ? QString::fromUtf8(ssh_get_error(m_ssh)) : QString();
    if (m_sftp && reason == SshReason::RemoteFile) {
        const int code = sftp_get_error(m_sftp);
        detail = code == SSH_FX_NO_SUCH_FILE   ? u"no such file or folder"_s
            : code == SSH_FX_PERMISSION_DENIED ? u"permission denied"_s
            : code == SSH_FX_EOF               ? u"end of file"_s
                                               : u"SFTP error %1 %2"_s.arg(code).arg(detail);
    }
    return sshError(reason,
                    detail.isEmpty() ? u"%1: %2"_s.arg(hostText(m_target), what)
                                     : u"%1: %2: %3"_s.arg(hostText(m_target), what, detail));
}

Expected<void> SshSession::handshake(const SessionPolicy &policy)
{
    m_ssh = ssh_new();
    if (!m_ssh)
        return sshError(SshReason::Protocol, u"%1: cannot create an SSH session"_s.arg(hostText(m_target)));
    const QByteArray host = m_target.address.toUtf8();
    const QByteArray user = m_target.user.toUtf8();
    const QByteArray knownHosts = QFile::encodeName(policy.knownHostsFile);
    const unsigned int port = unsigned(m_target.port);
    const int no = 0;
    // The watchdog is the timer that reports "no answer within N s"; libssh's own limit is only a backstop, long
    // enough that the watchdog always trips first even on a loaded machine.
    const long backstopSeconds = 2 * std::max(1, (policy.timeoutMs + 999) / 1000) + 5;
    socket_t fd = m_fd;
    // The session reads no ~/.ssh/config and no global known_hosts: the case's file is the only trust.
    if (ssh_options_set(m_ssh, SSH_OPTIONS_PROCESS_CONFIG, &no) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_HOST, host.constData()) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_PORT, &port) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_USER, user.constData()) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData()) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null") != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_TIMEOUT, &backstopSeconds) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_FD, &fd) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_CIPHERS_S_C, kCiphers) != SSH_OK
        || ssh_options_set(m_ssh, SSH_OPTIONS_CIPHERS_C_S, kCiphers) != SSH_OK)
        return sshError(
            SshReason::Protocol,
            u"%1: invalid SSH options: %2"_s.arg(hostText(m_target), QString::fromUtf8(ssh_get_error(m_ssh))));
    if (ssh_connect(m_ssh) != SSH_OK)
        return failure(SshReason::Protocol, u"SSH handshake failed"_s);
    auto verdict = checkHostKey(m_ssh, m_target, policy);
    if (!verdict)
        return verdict.error();
    m_fingerprint = verdict->fingerprint;
    m_hostKeyAdded = verdict->added;
    return {};
}

Expected<void> SshSession::authenticate(const SessionPolicy &policy)
{
    int result = SSH_AUTH_DENIED;
    QString method;
    if (m_target.keyFile.isEmpty()) {
        method = u"the keys of ssh-agent"_s;
        if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
            return sshError(SshReason::Auth,
                            u"%1: authentication by ssh-agent, but SSH_AUTH_SOCK is not set"_s.arg(hostText(m_target)));
        result = ssh_userauth_agent(m_ssh, nullptr);
    } else {
        method = u"the key %1"_s.arg(m_target.keyFile);
        if (!QFile::exists(m_target.keyFile))
            return sshError(SshReason::Auth,
                            u"%1: the key file %2 does not exist"_s.arg(hostText(m_target), m_target.keyFile));
        const QByteArray path = QFile::encodeName(m_target.keyFile);
        ssh_key key = nullptr;
        if (ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &key) != SSH_OK) {
            std::optional<QByteArray> passphrase
                = policy.passphrase ? policy.passphrase(m_target.keyFile) : std::nullopt;
            if (!passphrase)
                return sshError(SshReason::Auth,
                                u"%1: cannot read the key %2 (encrypted and no passphrase given, or not a private "
                                u"key)"_s.arg(hostText(m_target), m_target.keyFile));
            const int imported
                = ssh_pki_import_privkey_file(path.constData(), passphrase->constData(), nullptr, nullptr, &key);
            passphrase->fill('\0');
            if (imported != SSH_OK)
                return sshError(SshReason::Auth,
                                u"%1: cannot read the key %2: wrong passphrase or not a private "
                                u"key"_s.arg(hostText(m_target), m_target.keyFile));
        }
        result = ssh_userauth_publickey(m_ssh, nullptr, key);
        ssh_key_free(key);
    }
    if (result == SSH_AUTH_SUCCESS)
        return {};
    if (result == SSH_AUTH_ERROR)
        return failure(SshReason::Protocol, u"authentication failed"_s);
    if (m_watchdog->tripped() != SessionWatchdog::Trip::None)
        return failure(SshReason::Auth, u"authentication"_s);
    return sshError(SshReason::Auth,
                    u"%1: %2 was not accepted for user %3"_s.arg(hostText(m_target), method, m_target.user));
}

} // namespace Flight::SshPull
