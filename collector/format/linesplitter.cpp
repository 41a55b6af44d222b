// SPDX-License-Identifier: GPL-3.0-or-later
#include "linesplitter.h"

using namespace Qt::StringLiterals;

namespace Flight::Format {

LineSplitter::LineSplitter(qint64 maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
}

Expected<void> LineSplitter::check(QByteArrayView line) const
{
    if (line.isEmpty())
        return Error{u"line %1: empty line"_s.arg(m_number)};
    if (line.size() > m_maxLineBytes)
        return Error{u"line %1: longer than %2 bytes"_s.arg(m_number).arg(m_maxLineBytes)};
    if (line.back() == '\r')
        return Error{u"line %1: ends with a carriage return"_s.arg(m_number)};
    return {};
}

Expected<void> LineSplitter::feed(QByteArrayView data, const LineFunction &line)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = data.indexOf('\n', start);
        if (newline < 0)
            break;
        ++m_number;
        QByteArrayView current = data.sliced(start, newline - start);
        if (!m_partial.isEmpty()) {
            m_partial.append(current);
            current = m_partial;
        }
        if (auto ok = check(current); !ok)
            return ok;
        if (auto ok = line(current, m_number); !ok)
            return ok;
        m_partial.clear();
        start = newline + 1;
    }
    if (m_partial.size() + (data.size() - start) > m_maxLineBytes)
        return Error{u"line %1: longer than %2 bytes"_s.arg(m_number + 1).arg(m_maxLineBytes)};
    m_partial.append(data.sliced(start));
    return {};
}

Expected<void> LineSplitter::finish() const
{
    if (!m_partial.isEmpty())
        return Error{u"line %1: not terminated by a newline (truncated?)"_s.arg(m_number + 1)};
    return {};
}

} // namespace Flight::Format
