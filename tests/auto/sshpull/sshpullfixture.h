// SPDX-License-Identifier: GPL-3.0-or-later
// The set-up the SSH pull tests share. Once per test executable (start()): three real OpenSSH servers on loopback
// ports (alpha, bravo, charlie), each with its own host key and an outbox; three client keys: one the servers
// accept, one they do not, and one they accept that is encrypted with the passphrase "correct horse"; a signing key
// per host; and a SQLite case made by flightdeck-cli that trusts those signing keys and knows the three servers as
// remote hosts. For each test function (newCase()): a copy of that case in a folder of its own (no known_hosts, no
// pulled files), and the outboxes emptied and given a new chain of two signed archives each. So each test function
// runs alone and in any order. Test code only.
#pragma once

#include "casefixture.h"
#include "programrun.h"
#include "sshdinstance.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace Deck::TestSupport {

class SshPullFixture
{
public:
    using Run = Flight::TestSupport::ProgramRun;
    struct Host
    {
        QString name;
        std::unique_ptr<SshdInstance> sshd;
        SigningKey signer = SigningKey::generate(); // trusted by the case under the host's name
        std::unique_ptr<ArchiveSeries> series; // a chain signed by `signer` in sshd->outbox(); new for each case
        // Runs another SFTP command, or did not restart: newCase() restarts it with internal-sftp.
        bool needsRestart = false;
    };

    // The keys, the three servers and the case every test function starts from (initTestCase); empty on success,
    // else why not.
    [[nodiscard]] QString start();
    // A new case and fresh outboxes (init()); empty on success, else why not.
    [[nodiscard]] QString newCase();
    // The analyst's first pull: every host with its host key accepted, so that afterwards the case's known_hosts names
    // all three and the case holds every archive of the outboxes. Empty on success, else why not.
    [[nodiscard]] QString pullEverything();
    // Restarts the host's sshd with this SFTP subsystem command (a shell command; empty: internal-sftp).
    [[nodiscard]] QString restartWithSftp(Host &host, const QString &command);

    static QString program(); // flightdeck-cli
    // flightdeck-cli --db CASE ARGUMENTS (CASE: this function's SQLite case unless `location` names one).
    Run cli(const QStringList &arguments, const QProcessEnvironment &environment = {},
            const QString &location = {}) const;
    // flightdeck-cli --db CASE --json pull --timeout 10 OPTIONS
    Run pull(const QStringList &options = {}) const;
    // How many rows of the case's `table` match; -1 (with a warning) when the case cannot be opened.
    qint64 rows(const QString &table, const QString &where = {}, const QVariantList &params = {}) const;

    QString db() const { return filePath(QStringLiteral("pull.case")); }
    QString knownHosts() const { return filePath(QStringLiteral("pull.case.known_hosts")); }
    QString pulledDir(const QString &host) const { return filePath(QStringLiteral("pull.case.pulled/") + host); }
    QString filePath(const QString &name) const; // in this function's case folder
    QString clientKey() const { return m_clientKey; }
    QString wrongKey() const { return m_wrongKey; }
    QString passphraseKey() const { return m_passphraseKey; }
    static QString user(); // the login on every server: $USER, else root

    std::vector<Host> &hosts() { return m_hosts; }
    Host &alpha() { return m_hosts.at(0); }
    Host &bravo() { return m_hosts.at(1); }
    Host &charlie() { return m_hosts.at(2); }

private:
    QTemporaryDir m_dir;
    QString m_template; // the case as the analyst set it up, copied by newCase()
    QString m_caseDir;
    int m_cases = 0;
    std::vector<Host> m_hosts;
    QString m_clientKey;
    QString m_wrongKey;
    QString m_passphraseKey;
};

} // namespace Deck::TestSupport
