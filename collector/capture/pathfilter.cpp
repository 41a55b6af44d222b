// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathfilter.h"

namespace Flight::Capture {

namespace {

QByteArrayList normalized(QByteArrayList prefixes)
{
    for (QByteArray &p : prefixes) {
        while (p.size() > 1 && p.endsWith('/'))
            p.chop(1);
    }
    return prefixes;
}

} // namespace

PathFilter::PathFilter(const QByteArrayList &include, const QByteArrayList &exclude)
    : m_include(normalized(include))
    , m_exclude(normalized(exclude))
{
}

bool PathFilter::accepts(QByteArrayView path) const
{
    const qsizetype excluded = longestMatch(m_exclude, path);
    return excluded < 0 || longestMatch(m_include, path) >= excluded;
}

qsizetype PathFilter::longestMatch(const QByteArrayList &prefixes, QByteArrayView path)
{
    qsizetype longest = -1;
    for (const QByteArray &prefix : prefixes) {
        const bool matches = prefix == "/"
            || (path.startsWith(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/'));
        if (matches && prefix.size() > longest)
            longest = prefix.size();
    }
    return longest;
}

} // namespace Flight::Capture
