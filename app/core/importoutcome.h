// SPDX-License-Identifier: GPL-3.0-or-later
// What importing one archive came to. message is the one line a person reads: it starts with the file and says the
// reason (and, for held archives, what to do). exitCode() maps the status onto the CLI contract of DESIGN.md.
#pragma once

#include <QString>

namespace Deck::Core {

enum class ImportStatus {
    Imported, // verified and imported (chain: first, intact, gap or late)
    AlreadyImported, // the case has this archive: nothing changed
    Quarantined, // valid, but its signer is not trusted yet: held until the analyst trusts it
    AlreadyHeld, // already held in quarantine: nothing changed
    Fork, // contradicts the host's hash chain: held, not imported
    Refused, // signed by a key other than the one trusted for its host (or trusted for another host)
    Invalid, // malformed, tampered, truncated: nothing changed
    Failed, // I/O, database or environment error (missing case key): nothing changed
    Cancelled, // stopped by the caller: nothing of this archive changed
};

struct ImportOutcome
{
    QString path;
    ImportStatus status = ImportStatus::Failed;
    QString message;
    QString hostname;
    QString machineId;
    QString digest;
    QString signerFingerprint;
    qint64 seq = 0;
    qint64 events = 0;
    QString chain; // first | intact | gap | late (imported archives)
    qint64 missingBefore = 0; // archives missing before this one (chain "gap")
    qint64 ruleAlerts = 0; // alerts the detection rules raised on this archive's events

    // 0: imported or already there; 1: the data is bad or untrusted; 2: environment error or cancelled.
    int exitCode() const;
    bool changedNothing() const { return status != ImportStatus::Imported; }
    // Its transaction wrote to the case: the archive's rows, a held archive (quarantine, fork) or a refusal's audit.
    bool storedSomething() const
    {
        return status == ImportStatus::Imported || status == ImportStatus::Quarantined || status == ImportStatus::Fork
            || status == ImportStatus::Refused;
    }
};

const char *statusName(ImportStatus status); // "imported", "already imported", "quarantined", ...

} // namespace Deck::Core
