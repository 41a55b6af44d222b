// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostkeycheck.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Flight::SshPull {

QString fingerprintOf(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    const QString fingerprint = QString::fromLatin1(text);
    ssh_string_free_char(text);
    return fingerprint;
}

namespace {

// The fingerprints known_hosts holds for the target (libssh reports a changed key without the old one).
QString knownFingerprints(const SshTarget &target, const QString &knownHostsFile)
{
    QFile file(knownHostsFile);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    const QByteArray host
        = target.port == 22 ? target.address.toUtf8() : u"[%1]:%2"_s.arg(target.address).arg(target.port).toUtf8();
    QStringList fingerprints;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(64 * 1024).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        ssh_knownhosts_entry *entry = nullptr;
        if (ssh_known_hosts_parse_line(host.constData(), line.constData(), &entry) == SSH_OK && entry
            && entry->publickey)
            fingerprints.append(fingerprintOf(entry->publickey));
        SSH_KNOWNHOSTS_ENTRY_FREE(entry);
    }
    return fingerprints.isEmpty() ? u"?"_s : fingerprints.join(u" and "_s);
}

QString hostText(const SshTarget &target)
{
    return u"%1 (%2 port %3)"_s.arg(target.name, target.address).arg(target.port);
}

} // namespace

Expected<HostKeyVerdict> checkHostKey(ssh_session session, const SshTarget &target, const SessionPolicy &policy)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK)
        return sshError(SshReason::Protocol,
                        u"%1: the host presented no host key: %2"_s.arg(hostText(target),
                                                                        QString::fromUtf8(ssh_get_error(session))));
    HostKeyVerdict verdict;
    verdict.fingerprint = fingerprintOf(key);
    ssh_key_free(key);

    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        return verdict;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return sshError(SshReason::ChangedHostKey,
                        u"%1: REFUSED: the host key changed: %2 presents %3, but %4 holds %5 for it; if the host "
                        u"really got a new key, remove the old line from that file"_s.arg(
                            hostText(target), target.address, verdict.fingerprint, policy.knownHostsFile,
                            knownFingerprints(target, policy.knownHostsFile)));
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        return sshError(SshReason::Protocol,
                        u"%1: cannot check the host key against %2: %3"_s.arg(
                            hostText(target), policy.knownHostsFile, QString::fromUtf8(ssh_get_error(session))));
    }
    if (!policy.acceptedNewFingerprints.contains(verdict.fingerprint))
        return sshError(SshReason::UnknownHostKey,
                        u"%1: unknown host key %2 (not in %3); check it on the host (ssh-keygen -lf "
                        u"/etc/ssh/ssh_host_ed25519_key.pub) and accept it with --accept-new-host-key %2"_s.arg(
                            hostText(target), verdict.fingerprint, policy.knownHostsFile));
    if (const QString dir = QFileInfo(policy.knownHostsFile).absolutePath(); !QFileInfo::exists(dir))
        return sshError(
            SshReason::LocalFile,
            u"%1: cannot record the accepted host key: the folder %2 does not exist"_s.arg(hostText(target), dir));
    static std::mutex appending; // sessions on several threads may accept hosts into one file
    std::lock_guard lock(appending);
    if (ssh_session_update_known_hosts(session) != SSH_OK)
        return sshError(SshReason::LocalFile,
                        u"%1: cannot add the accepted host key to %2: %3"_s.arg(
                            hostText(target), policy.knownHostsFile, QString::fromUtf8(ssh_get_error(session))));
    verdict.added = true;
    return verdict;
}

} // namespace Flight::SshPull
