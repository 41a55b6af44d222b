// SPDX-License-Identifier: GPL-3.0-or-later
#include "chainplacement.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QString shortDigest(const QString &digest)
{
    return digest.left(16);
}

ChainPlacement fork(const QString &reason)
{
    return ChainPlacement{u"fork"_s, 0, reason};
}

} // namespace

Expected<ChainPlacement> placeInChain(Database &db, const ChainAnchor &anchor, qint64 seq, const QString &digest,
                                      const QString &prevDigest)
{
    if (!anchor.lastSeq)
        return ChainPlacement{u"first"_s, 0, {}};
    const qint64 last = *anchor.lastSeq;
    if (seq == last + 1) {
        if (prevDigest == anchor.lastDigest)
            return ChainPlacement{u"intact"_s, 0, {}};
        return fork(u"seq %1 continues another history: its prev_digest %2… is not the digest %3… of the imported "
                    u"seq %4"_s.arg(seq)
                        .arg(shortDigest(prevDigest), shortDigest(anchor.lastDigest))
                        .arg(last));
    }
    if (seq > last + 1)
        return ChainPlacement{u"gap"_s, seq - last - 1, {}};

    // seq <= last: it must fit between the archives the case has around it.
    const auto storedDigest = [&](qint64 at, const char *column) -> Expected<QVariant> {
        return db.scalar(u"SELECT %1 FROM archives WHERE key_id = ? AND seq = ?"_s.arg(QLatin1StringView(column)),
                         {anchor.keyId, at});
    };
    auto same = storedDigest(seq, "digest");
    if (!same)
        return same.error();
    if (!same->isNull())
        return fork(u"two archives with seq %1: digest %2… is imported, this one is %3…"_s.arg(seq).arg(
            shortDigest(same->toString()), shortDigest(digest)));
    auto before = storedDigest(seq - 1, "digest");
    if (!before)
        return before.error();
    if (!before->isNull() && before->toString() != prevDigest)
        return fork(
            u"seq %1 does not follow the imported seq %2: its prev_digest %3… is not %4…"_s.arg(seq).arg(seq - 1).arg(
                shortDigest(prevDigest), shortDigest(before->toString())));
    auto after = storedDigest(seq + 1, "prev_digest");
    if (!after)
        return after.error();
    if (!after->isNull() && after->toString() != digest)
        return fork(u"the imported seq %1 does not follow this seq %2: it names %3… as its predecessor, this one is "
                    u"%4…"_s.arg(seq + 1)
                        .arg(seq)
                        .arg(shortDigest(after->toString()), shortDigest(digest)));
    return ChainPlacement{u"late"_s, 0, {}};
}

} // namespace Deck::Core
