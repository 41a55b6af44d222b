// SPDX-License-Identifier: GPL-3.0-or-later
// The indicator lists of a case (migration 4): each list has a unique name, the file or URL it came from, when it
// was fetched, the BLAKE2b-256 digest of its bytes and the validators the server gave (ETag, Last-Modified) for
// conditional updates; its indicators are stored normalised (indicatorparser.h). Storing a list under a name that
// exists replaces it in one transaction: the case holds the old list or the new one, never a mix. Adding, replacing
// and removing are written to the audit log in the same transaction.
// Matches are alerts (source 'indicator', rule = the list's name); removing a list keeps its alerts (they are part
// of the investigation and may carry a triage decision).
// Thread: the Database's thread. Errors: the store's; NotFound for an unknown list; Conflict for a bad name.
#pragma once

#include "casenotes.h"
#include "indicatorparser.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace Deck::Core {

class Database;

struct IndicatorListInfo
{
    qint64 id = 0;
    QString name;
    QString source; // a file path or an http(s) URL
    bool fromUrl = false;
    qint64 fetchedTs = 0; // when the stored content was read (UTC ns)
    qint64 checkedTs = 0; // when the source was last asked (an unchanged list only moves this)
    QString digest; // BLAKE2b-256 hex of the bytes
    QString etag;
    QString lastModified;
    qint64 indicators = 0;
    qint64 badLines = 0;
    QHash<QString, qint64> counts; // per type name
    qint64 matches = 0; // alerts raised by this list
};

struct IndicatorListContent
{
    QString name;
    QString source;
    bool fromUrl = false;
    QByteArray bytes; // what was read, for the digest
    QString etag;
    QString lastModified;
    ParsedIndicators parsed;
};

struct StoredIndicator
{
    IndicatorType type = IndicatorType::Address;
    QString value;
    QString algorithm;
    int line = 0;
};

// One match: an alert an indicator list raised, with the object it is about (its first evidence).
struct IndicatorMatch
{
    qint64 alertId = 0;
    qint64 ts = 0;
    qint64 hostId = 0;
    QString hostname;
    QString list;
    QString severity;
    QString title;
    QString detail;
    QString triage;
    std::optional<ObjectRef> about;
};

class IndicatorStore
{
public:
    explicit IndicatorStore(Database &db);

    // A list name: 1 to 100 characters, no control characters; nullopt when fine, else the reason.
    static std::optional<QString> nameProblem(const QString &name);

    // Adds the list, or replaces the one of that name; returns whether it replaced one.
    Expected<bool> store(const IndicatorListContent &content);
    // The source answered "not modified" or gave the same bytes: only checked_ts (and validators) move.
    Expected<void> markChecked(const QString &name, const QString &etag, const QString &lastModified);
    Expected<void> remove(const QString &name);

    Expected<QList<IndicatorListInfo>> lists();
    Expected<IndicatorListInfo> list(const QString &name);
    // The indicators of one list, in line order.
    Expected<QList<StoredIndicator>> indicators(const QString &name);
    // Every stored indicator with its list's name, for matching.
    Expected<QList<std::pair<QString, StoredIndicator>>> allIndicators(const QString &onlyList = {});
    Expected<qint64> indicatorCount();
    // The newest `limit` matches of every list, newest first; *truncated tells whether there were more.
    Expected<QList<IndicatorMatch>> matches(int limit, bool *truncated);

private:
    Expected<qint64> listId(const QString &name);
    Expected<void> insertIndicators(qint64 listId, const QList<Indicator> &indicators);

    Database &m_db;
};

} // namespace Deck::Core
