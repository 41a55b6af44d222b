// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaselocation.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Deck::Core {

Expected<DatabaseLocation> DatabaseLocation::parse(const QString &text)
{
    DatabaseLocation location;
    if (text.isEmpty())
        return storeError(StoreReason::BadLocation, u"no database given (a case file path or a postgresql:// URL)"_s);
    if (!text.startsWith("postgresql://"_L1) && !text.startsWith("postgres://"_L1)) {
        location.path = text;
        return location;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return storeError(StoreReason::BadLocation, u"%1: not a valid URL: %2"_s.arg(text, url.errorString()));
    location.engine = Engine::Postgres;
    location.host = url.host();
    location.port = url.port(-1);
    location.user = url.userName();
    location.password = url.password();
    location.dbName = url.path().mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "host"_L1)
            location.host = value;
        else if (key == "port"_L1)
            location.port = value.toInt();
        else if (key == "user"_L1)
            location.user = value;
        else if (key == "dbname"_L1)
            location.dbName = value;
        else if (key == "password"_L1)
            location.password = value;
        else if (!value.contains(u';'))
            location.options.append(key + u'=' + value);
        else
            return storeError(StoreReason::BadLocation, u"%1: the value of '%2' contains ';'"_s.arg(text, key));
    }
    return location;
}

QString DatabaseLocation::display() const
{
    if (engine == Engine::Sqlite)
        return path;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(user);
    if (!host.startsWith(u'/'))
        url.setHost(host);
    if (port > 0 && !host.startsWith(u'/'))
        url.setPort(port);
    url.setPath(u'/' + dbName);
    QUrlQuery query;
    if (host.startsWith(u'/')) {
        query.addQueryItem(u"host"_s, host);
        if (port > 0)
            query.addQueryItem(u"port"_s, QString::number(port));
    }
    url.setQuery(query);
    return url.toString();
}

} // namespace Deck::Core
