// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginscheck.h"

#include "hostfiles.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

LoginsCheck::LoginsCheck(const CheckOptions &options)
    : m_root(options.root)
{
}

Expected<QList<Format::StateItem>> LoginsCheck::observe()
{
    const QByteArray path = underRoot(m_root, "/var/run/utmp");
    const auto bytes = readBounded(path, kMaxUtmpRecords * utmpRecordSize(), true);
    if (!bytes)
        return bytes.error();
    const auto records = parseUtmp(*bytes);
    if (!records)
        return Error{u"%1: %2"_s.arg(QString::fromUtf8(path), records.error().message)};
    return loginItems(*records);
}

Expected<QList<UtmpRecord>> readLoginHistory(const QString &root, qsizetype maxRecords)
{
    const QString path = QString::fromUtf8(underRoot(root, "/var/log/wtmp"));
    QFile file(path);
    if (QFileInfo(path).exists() && !QFileInfo(path).isFile())
        return Error{u"%1: not a regular file"_s.arg(path)};
    if (!file.open(QIODevice::ReadOnly)) {
        const QString wtmpdb = QString::fromUtf8(underRoot(root, "/var/lib/wtmpdb/wtmp.db"));
        if (!file.exists() && QFileInfo::exists(wtmpdb))
            return Error{u"%1: wtmpdb history is not read (no wtmp file)"_s.arg(wtmpdb)};
        return Error{u"%1: cannot read: %2"_s.arg(path, file.errorString())};
    }
    const qint64 recordSize = utmpRecordSize();
    const qint64 size = file.size();
    if (size % recordSize != 0)
        return Error{u"%1: %2 bytes are not a whole number of %3-byte records"_s.arg(path).arg(size).arg(recordSize)};
    const qint64 count = std::min<qint64>({size / recordSize, maxRecords, kMaxUtmpRecords});
    if (!file.seek(size - count * recordSize))
        return Error{u"%1: cannot seek: %2"_s.arg(path, file.errorString())};
    const QByteArray bytes = file.read(count * recordSize);
    if (bytes.size() != count * recordSize)
        return Error{u"%1: short read"_s.arg(path)};
    auto records = parseUtmp(bytes);
    if (!records)
        return Error{u"%1: %2"_s.arg(path, records.error().message)};
    return records;
}

} // namespace Flight::Integrity
