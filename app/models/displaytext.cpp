// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Deck::Models {

QString shortId(const QString &id, int keep)
{
    const qsizetype colon = id.indexOf(u':');
    const qsizetype end = colon + 1 + keep;
    return end < id.size() ? id.left(end) + QChar(0x2026) : id;
}

} // namespace Deck::Models
