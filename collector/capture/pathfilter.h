// SPDX-License-Identifier: GPL-3.0-or-later
// Which paths file capture records (config file_include / file_exclude): the longest matching prefix decides, an
// include beating an exclude of the same length; a path no prefix matches is recorded. Prefixes match whole path
// components: "/dev" covers "/dev" and "/dev/null", not "/devices". Pure and thread-safe once built.
#pragma once

#include <QByteArrayList>

namespace Flight::Capture {

class PathFilter
{
public:
    PathFilter(const QByteArrayList &include, const QByteArrayList &exclude);

    bool accepts(QByteArrayView path) const;

private:
    static qsizetype longestMatch(const QByteArrayList &prefixes, QByteArrayView path);

    QByteArrayList m_include, m_exclude;
};

} // namespace Flight::Capture
