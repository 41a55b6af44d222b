// SPDX-License-Identifier: GPL-3.0-or-later
// TextTable: the benchmarks' result tables on stdout, columns padded to their widest cell, the first left-aligned and
// the others right-aligned, two spaces between columns. A value type; nothing can fail.
#pragma once

#include <QList>
#include <QStringList>

namespace Flight::BenchSupport {

class TextTable
{
public:
    void add(const QStringList &row) { m_rows.append(row); }
    void print() const;

private:
    QList<QStringList> m_rows;
};

} // namespace Flight::BenchSupport
