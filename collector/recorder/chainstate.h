// SPDX-License-Identifier: GPL-3.0-or-later
// The local end of a signer's hash chain: the sequence number and digest of the last archive sealed with a key.
// Kept beside the key file ("<key>.chain") and locked (flock) while an archive is sealed, so that the daemon and a
// one-shot snapshot never give two archives one sequence number.
#pragma once

#include "expected.h"

#include <QString>

namespace Flight::Recorder {

class ChainState
{
public:
    // Locks and reads the state of the key at `keyPath`; a missing state file means no archive yet (seq 0).
    // Blocks while another process holds the lock.
    static Expected<ChainState> acquire(const QString &keyPath);
    ~ChainState(); // releases the lock
    ChainState(ChainState &&other) noexcept;
    ChainState(const ChainState &) = delete;
    ChainState &operator=(const ChainState &) = delete;
    ChainState &operator=(ChainState &&) = delete;

    qint64 lastSeq() const { return m_lastSeq; }
    const QString &lastDigest() const { return m_lastDigest; }
    // Records a newly sealed archive (written as .part, fsynced, renamed).
    Expected<void> advance(qint64 seq, const QString &digest);

private:
    ChainState() = default;
    QString m_path;
    int m_lockFd = -1;
    qint64 m_lastSeq = 0;
    QString m_lastDigest;
};

} // namespace Flight::Recorder
