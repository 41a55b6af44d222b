// SPDX-License-Identifier: GPL-3.0-or-later
// Path patterns of indicator lists, matched against the raw bytes of recorded paths: '*' is any run of bytes within
// one path component, '?' one byte other than '/', "**" any run of bytes across components ("/a/**/b" also matches
// "/a/b"), "[...]" a class ("[!...]" its complement); everything else is literal. A path is a byte string (it need
// not be UTF-8), so both sides are matched as Latin-1 text: one character per byte.
// Thread: any.
#pragma once

#include <QByteArray>
#include <QRegularExpression>

namespace Deck::Core {

// The anchored expression of `glob` (UTF-8 bytes); invalid when the glob is not (an unclosed class stays literal).
QRegularExpression globRegularExpression(const QByteArray &glob);
// The bytes of `path` as the Latin-1 text the expression matches.
inline QString bytesAsLatin1(QByteArrayView path)
{
    return QString::fromLatin1(path);
}

} // namespace Deck::Core
