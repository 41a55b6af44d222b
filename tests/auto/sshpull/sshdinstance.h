// SPDX-License-Identifier: GPL-3.0-or-later
// A real OpenSSH server for tests: /usr/sbin/sshd -D on a free loopback port, with its own generated ed25519 host
// key, public-key login only (one authorized_keys file), the internal SFTP server, and an outbox folder. Runs as the
// current user (as root it may log in as root); stopped when destroyed. Test code only.
#pragma once

#include <QProcess>
#include <QString>
#include <memory>

namespace Deck::TestSupport {

class SshdInstance
{
public:
    SshdInstance(QString dir, QString authorizedKeys);
    ~SshdInstance();
    SshdInstance(const SshdInstance &) = delete;
    SshdInstance &operator=(const SshdInstance &) = delete;

    // Empty on success, else why sshd could not start (with its output).
    QString start();
    void stop();
    // A new host key (the server restarts with it when running).
    QString newHostKey();

    // The SFTP subsystem's command line (a shell command) from the next start on; empty: internal-sftp.
    void setSftpCommand(const QString &command) { m_sftpCommand = command; }
    // Lines appended to sshd_config from the next start on (e.g. an Include of a drop-in with Match blocks).
    void setExtraConfig(const QString &lines) { m_extraConfig = lines; }

    int port() const { return m_port; }
    QString outbox() const;
    QString fingerprint() const; // "SHA256:..." of the host key
    QString knownHostsLine() const; // "[127.0.0.1]:PORT ssh-ed25519 AAAA..."

    static bool available(); // /usr/sbin/sshd and ssh-keygen exist
    // Generates an unencrypted (or passphrase-protected) ed25519 key pair at `path`; returns the public key line.
    static QString generateKey(const QString &path, const QString &passphrase = {});

private:
    QString m_dir;
    QString m_authorizedKeys;
    int m_port = 0;
    QString m_sftpCommand;
    QString m_extraConfig;
    std::unique_ptr<QProcess> m_process;
};

// A free TCP port on 127.0.0.1 (bound and released).
int freeLoopbackPort();

} // namespace Deck::TestSupport
