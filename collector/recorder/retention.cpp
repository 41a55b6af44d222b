// SPDX-License-Identifier: GPL-3.0-or-later
#include "retention.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

std::optional<qint64> sequenceFromName(const QString &fileName)
{
    static const QRegularExpression name(u"-([0-9]{1,18})\\.frec$"_s);
    const auto match = name.match(fileName);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong();
}

RetentionResult applyRetention(const QString &outbox, qint64 maxBytes, qint64 maxAgeSeconds, const QDateTime &now)
{
    struct Archive
    {
        QFileInfo info;
        qint64 seq;
    };
    QList<Archive> archives;
    qint64 total = 0;
    for (const QFileInfo &info : QDir(outbox).entryInfoList({u"*.frec"_s}, QDir::Files)) {
        if (const auto seq = sequenceFromName(info.fileName())) {
            archives.append({info, *seq});
            total += info.size();
        }
    }
    std::sort(archives.begin(), archives.end(), [](const Archive &a, const Archive &b) { return a.seq < b.seq; });

    RetentionResult result;
    for (qsizetype i = 0; i + 1 < archives.size(); ++i) { // never the newest
        const Archive &a = archives[i];
        const bool tooOld = a.info.lastModified().secsTo(now) > maxAgeSeconds;
        if (total <= maxBytes && !tooOld)
            break;
        if (!QFile::remove(a.info.filePath()))
            continue;
        total -= a.info.size();
        result.bytes += a.info.size();
        if (result.deleted++ == 0)
            result.firstSeq = a.seq;
        result.lastSeq = a.seq;
    }
    return result;
}

} // namespace Flight::Recorder
