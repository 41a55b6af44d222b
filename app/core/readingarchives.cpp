// SPDX-License-Identifier: GPL-3.0-or-later
#include "readingarchives.h"

#include <QFileInfo>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deck::Core {

QString ReadingArchives::Shown::label() const
{
    return u"[%1/%2] %3"_s.arg(archive).arg(archives).arg(files.join(u", "_s));
}

ReadingArchives::Shown ReadingArchives::progressed(const ImportProgress &progress)
{
    m_archive = progress.fileIndex + 1;
    m_archives = progress.fileCount;
    auto reading
        = std::find_if(m_reading.begin(), m_reading.end(), [&](const Reading &r) { return r.path == progress.path; });
    if (reading == m_reading.end()) {
        m_reading.append({progress.path, 0, 0});
        reading = m_reading.end() - 1;
    }
    reading->done = progress.bytesDone;
    reading->total = progress.bytesTotal;
    m_reading.removeIf([&](const Reading &r) { return r.path != progress.path && r.total > 0 && r.done >= r.total; });
    return shown();
}

ReadingArchives::Shown ReadingArchives::ended(const QString &path)
{
    m_reading.removeIf([&](const Reading &r) { return r.path == path; });
    return shown();
}

ReadingArchives::Shown ReadingArchives::shown() const
{
    Shown shown{m_archive, m_archives, {}, 0, 0};
    for (const Reading &reading : m_reading) {
        shown.files.append(QFileInfo(reading.path).fileName());
        shown.bytesDone += reading.done;
        shown.bytesTotal += reading.total;
    }
    return shown;
}

} // namespace Deck::Core
