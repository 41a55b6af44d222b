// SPDX-License-Identifier: GPL-3.0-or-later
// Printing of a TextTable (see texttable.h).
#include "texttable.h"

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Flight::BenchSupport {

void TextTable::print() const
{
    QList<qsizetype> width;
    for (const QStringList &row : m_rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            width.resize(std::max(width.size(), c + 1));
            width[c] = std::max(width[c], row[c].size());
        }
    for (const QStringList &row : m_rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c == 0 ? row[c].leftJustified(width[c]) : u"  "_s + row[c].rightJustified(width[c]);
        std::printf("%s\n", qPrintable(line));
    }
}

} // namespace Flight::BenchSupport
