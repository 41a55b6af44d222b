// SPDX-License-Identifier: GPL-3.0-or-later
#include "chain.h"

#include "archiveerror.h"

using namespace Qt::StringLiterals;

namespace Flight::Format {

ChainVerdict chainVerdict(const ChainLink &previous, const ChainLink &next)
{
    if (next.seq == previous.seq)
        return next.digest == previous.digest ? ChainVerdict::Same : ChainVerdict::Fork;
    if (next.seq == previous.seq + 1)
        return next.prevDigest == previous.digest ? ChainVerdict::Intact : ChainVerdict::Fork;
    return next.seq > previous.seq ? ChainVerdict::Gap : ChainVerdict::OutOfOrder;
}

const char *chainVerdictName(ChainVerdict verdict)
{
    switch (verdict) {
    case ChainVerdict::Intact:
        return "intact";
    case ChainVerdict::Same:
        return "same";
    case ChainVerdict::Gap:
        return "gap";
    case ChainVerdict::Fork:
        return "fork";
    case ChainVerdict::OutOfOrder:
        return "out of order";
    }
    return "?";
}

Expected<void> checkChain(const ChainLink &previous, const ChainLink &next, const QString &previousName,
                          const QString &nextName)
{
    switch (chainVerdict(previous, next)) {
    case ChainVerdict::Intact:
    case ChainVerdict::Same:
        return {};
    case ChainVerdict::Gap:
        return makeError(Reason::SequenceGap,
                         u"%1: sequence gap: %2 has sequence %3, so %4..%5 are missing"_s.arg(nextName, previousName)
                             .arg(previous.seq)
                             .arg(previous.seq + 1)
                             .arg(next.seq - 1));
    case ChainVerdict::Fork:
        if (next.seq == previous.seq)
            return makeError(Reason::Fork,
                             u"%1: fork: sequence %2 also belongs to %3, which has a different digest"_s.arg(nextName)
                                 .arg(next.seq)
                                 .arg(previousName));
        return makeError(
            Reason::Fork,
            u"%1: fork: sequence %2 does not continue %3 (prev_digest differs)"_s.arg(nextName).arg(next.seq).arg(
                previousName));
    case ChainVerdict::OutOfOrder:
        return makeError(Reason::OutOfOrder,
                         u"%1: out of order: sequence %2 is older than %3 (sequence %4)"_s.arg(nextName)
                             .arg(next.seq)
                             .arg(previousName)
                             .arg(previous.seq));
    }
    return {};
}

} // namespace Flight::Format
