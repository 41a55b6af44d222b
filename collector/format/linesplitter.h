// SPDX-License-Identifier: GPL-3.0-or-later
// Splits a byte stream into '\n'-terminated lines with a length limit, numbering them from 1 (FORMAT.md §2.1).
#pragma once

#include "expected.h"

#include <QByteArray>
#include <functional>

namespace Flight::Format {

class LineSplitter
{
public:
    explicit LineSplitter(qint64 maxLineBytes);

    // Calls `line` for every complete line in `data` (without its '\n'); stops at the first error, its own
    // ("line N: ...", Error::code 0) or the callback's.
    using LineFunction = std::function<Expected<void>(QByteArrayView line, qint64 number)>;
    Expected<void> feed(QByteArrayView data, const LineFunction &line);
    // Fails when the stream ended inside a line.
    Expected<void> finish() const;

private:
    Expected<void> check(QByteArrayView line) const;

    qint64 m_maxLineBytes;
    QByteArray m_partial;
    qint64 m_number = 0;
};

} // namespace Flight::Format
