// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressline.h"

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Format {

ProgressLine::ProgressLine()
    : m_enabled(::isatty(STDERR_FILENO) == 1)
{
}

ProgressLine::~ProgressLine()
{
    clear();
}

void ProgressLine::update(const QString &label, qint64 done, qint64 total)
{
    if (!m_enabled || (m_shown && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < 100 && done < total))
        return;
    // Nothing to count yet (an archive being verified, a step of unknown length): the label alone, not "100%".
    const QString percent = total > 0 ? u" %1%"_s.arg(done * 100 / total) : QString();
    const QByteArray line = u"\r\x1b[K%1%2"_s.arg(label.right(60), percent).toUtf8();
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
    m_shown = true;
    m_sinceDraw.start();
}

void ProgressLine::clear()
{
    if (!m_shown)
        return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    m_shown = false;
}

} // namespace Flight::Format
