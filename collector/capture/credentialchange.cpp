// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialchange.h"

namespace Flight::Capture {

std::optional<Format::ProcCred> credentialChange(const Format::ProcKey &proc, const ProcIds &before,
                                                 const ProcConnectorEvent &event, bool beforeKnown)
{
    ProcIds now = before;
    if (event.type == ProcConnectorEvent::Type::Uid) {
        now.uid = event.realId;
        now.euid = event.effectiveId;
    } else if (event.type == ProcConnectorEvent::Type::Gid) {
        now.gid = event.realId;
        now.egid = event.effectiveId;
    } else {
        return std::nullopt;
    }
    if (now == before && beforeKnown)
        return std::nullopt;
    return Format::ProcCred{proc,       now.uid,     now.euid,   now.gid,    now.egid,
                            before.uid, before.euid, before.gid, before.egid};
}

CredentialOutcome applyCredentialEvent(ProcessTable &table, const ProcConnectorEvent &event, qint64 notAfterTicks)
{
    CredentialOutcome outcome;
    outcome.learnt = !table.find(event.tgid);
    ProcessTable::Entry *known = table.findOrLearn(event.tgid, notAfterTicks);
    if (!known) {
        outcome.learnt = false;
        outcome.unkeyed = true;
        return outcome;
    }
    outcome.cred = credentialChange({event.tgid, known->start}, known->ids, event, !outcome.learnt);
    if (outcome.cred)
        known->ids = {outcome.cred->uid, outcome.cred->euid, outcome.cred->gid, outcome.cred->egid};
    return outcome;
}

} // namespace Flight::Capture
