// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorsync.h"

#include "database.h"
#include "digest.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Deck::Core {

QString defaultIndicatorListName(const QString &source)
{
    if (IndicatorFetcher::isUrl(source)) {
        const QUrl url(source);
        const QString base = QFileInfo(url.path()).completeBaseName();
        return base.isEmpty() ? url.host() : base;
    }
    return QFileInfo(source).completeBaseName();
}

Expected<QByteArray> readIndicatorFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read the indicator list: %2"_s.arg(path, file.errorString())};
    if (file.size() > maxBytes)
        return Error{u"%1: the indicator list is larger than %2"_s.arg(path, sizeText(maxBytes))};
    QByteArray bytes = file.read(maxBytes + 1); // a file that grows while read is still capped
    if (bytes.size() > maxBytes)
        return Error{u"%1: the indicator list is larger than %2"_s.arg(path, sizeText(maxBytes))};
    if (file.error() != QFileDevice::NoError)
        return Error{u"%1: cannot read the indicator list: %2"_s.arg(path, file.errorString())};
    return bytes;
}

Expected<IndicatorListUpdate> applyIndicatorList(Database &db, const QString &name, const QString &source,
                                                 const QByteArray &bytes, const QString &etag,
                                                 const QString &lastModified)
{
    IndicatorStore store(db);
    if (auto problem = IndicatorStore::nameProblem(name))
        return Error{u"indicator list \u201c%1\u201d: %2"_s.arg(name, *problem)};
    IndicatorListUpdate update{name, source, IndicatorListUpdate::Outcome::Added, {}};
    auto existing = store.list(name);
    if (existing && existing->source == source && existing->digest == Flight::Format::Blake2b256::hexHash(bytes)) {
        if (auto checked = store.markChecked(name, etag, lastModified); !checked)
            return checked.error();
        update.outcome = IndicatorListUpdate::Outcome::Unchanged;
        return update;
    }
    auto parsed = parseIndicatorList(bytes, source);
    if (!parsed)
        return parsed.error();
    IndicatorListContent content{name, source, IndicatorFetcher::isUrl(source), bytes, etag, lastModified, *parsed};
    auto replaced = store.store(content);
    if (!replaced)
        return replaced.error();
    update.outcome = *replaced ? IndicatorListUpdate::Outcome::Replaced : IndicatorListUpdate::Outcome::Added;
    update.parsed = std::move(*parsed);
    return update;
}

Expected<IndicatorListUpdate> applyFetchResult(Database &db, const QString &name, const QString &source,
                                               const FetchResult &fetched)
{
    switch (fetched.status) {
    case FetchResult::Status::Fetched:
        return applyIndicatorList(db, name, source, fetched.body, fetched.etag, fetched.lastModified);
    case FetchResult::Status::NotModified:
        if (auto checked = IndicatorStore(db).markChecked(name, fetched.etag, fetched.lastModified); !checked)
            return checked.error();
        return IndicatorListUpdate{name, source, IndicatorListUpdate::Outcome::NotModified, {}};
    case FetchResult::Status::Failed:
    case FetchResult::Status::Cancelled:
        break;
    }
    return Error{fetched.error};
}

Expected<IndicatorListUpdate> refreshIndicatorList(Database &db, const IndicatorListInfo &list,
                                                   const FetchLimits &limits,
                                                   const std::function<void(qint64, qint64)> &progress,
                                                   const std::atomic<bool> *cancel)
{
    if (!list.fromUrl) {
        auto bytes = readIndicatorFile(list.source, limits.maxBytes);
        if (!bytes)
            return bytes.error();
        return applyIndicatorList(db, list.name, list.source, *bytes);
    }
    const FetchResult fetched = IndicatorFetcher::fetchBlocking(QUrl(list.source), list.etag, list.lastModified,
                                                                limits, progress, cancel);
    return applyFetchResult(db, list.name, list.source, fetched);
}

} // namespace Deck::Core
