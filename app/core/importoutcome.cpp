// SPDX-License-Identifier: GPL-3.0-or-later
#include "importoutcome.h"

namespace Deck::Core {

int ImportOutcome::exitCode() const
{
    switch (status) {
    case ImportStatus::Imported:
    case ImportStatus::AlreadyImported:
        return 0;
    case ImportStatus::Quarantined:
    case ImportStatus::AlreadyHeld:
    case ImportStatus::Fork:
    case ImportStatus::Refused:
    case ImportStatus::Invalid:
        return 1;
    case ImportStatus::Failed:
    case ImportStatus::Cancelled:
        return 2;
    }
    return 2;
}

const char *statusName(ImportStatus status)
{
    switch (status) {
    case ImportStatus::Imported:
        return "imported";
    case ImportStatus::AlreadyImported:
        return "already imported";
    case ImportStatus::Quarantined:
        return "quarantined";
    case ImportStatus::AlreadyHeld:
        return "already held";
    case ImportStatus::Fork:
        return "fork";
    case ImportStatus::Refused:
        return "refused";
    case ImportStatus::Invalid:
        return "invalid";
    case ImportStatus::Failed:
        return "failed";
    case ImportStatus::Cancelled:
        return "cancelled";
    }
    return "failed";
}

} // namespace Deck::Core
