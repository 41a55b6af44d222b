// SPDX-License-Identifier: GPL-3.0-or-later
// Keeping a case's indicator lists up to date: a list's bytes (read from a file or fetched) are parsed and stored
// under its name, or, when they are the bytes already stored (same BLAKE2b-256), only its check time moves. The
// CLI and the GUI share these steps; the GUI fetches on its own thread and stores on a worker.
// Thread: the Database's thread. Errors name the list (its file or URL) and the reason.
#pragma once

#include "indicatorfetcher.h"
#include "indicatorstore.h"

namespace Deck::Core {

class Database;

// The name a list gets when none is given: the file's or URL's base name without extension, else the URL's host.
QString defaultIndicatorListName(const QString &source);
// A list file's bytes, refused when larger than `maxBytes` (before reading it) or unreadable.
Expected<QByteArray> readIndicatorFile(const QString &path, qint64 maxBytes);

struct IndicatorListUpdate
{
    QString name;
    QString source;
    enum class Outcome { Added, Replaced, Unchanged, NotModified } outcome = Outcome::Added;
    ParsedIndicators parsed; // empty for Unchanged and NotModified
};

// Stores `bytes` as list `name` from `source` (a file path, or a URL with its validators).
Expected<IndicatorListUpdate> applyIndicatorList(Database &db, const QString &name, const QString &source,
                                                 const QByteArray &bytes, const QString &etag = {},
                                                 const QString &lastModified = {});
// A fetch's result applied to list `name` (NotModified only moves its check time); a failed fetch is its error.
Expected<IndicatorListUpdate> applyFetchResult(Database &db, const QString &name, const QString &source,
                                               const FetchResult &fetched);
// Re-reads a file list (the file must still exist); the URL of a URL list is fetched with a conditional request in
// a local event loop (fetchBlocking). `cancel` stops a fetch.
Expected<IndicatorListUpdate> refreshIndicatorList(Database &db, const IndicatorListInfo &list,
                                                   const FetchLimits &limits,
                                                   const std::function<void(qint64, qint64)> &progress = {},
                                                   const std::atomic<bool> *cancel = nullptr);

} // namespace Deck::Core
