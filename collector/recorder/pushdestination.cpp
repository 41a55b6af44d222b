// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushdestination.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

QString PushDestination::display() const
{
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return u"sftp://%1%2:%3%4"_s.arg(user.isEmpty() ? QString() : user + u'@', shownHost).arg(port).arg(path);
}

Expected<PushDestination> parsePushDestination(const QString &text)
{
    const auto refuse = [&](const QString &reason) { return Error{u"'%1' %2"_s.arg(text, reason)}; };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != "sftp"_L1)
        return refuse(u"is not an sftp://[user@]host[:port]/path URL"_s);
    if (url.host().isEmpty())
        return refuse(u"names no host"_s);
    if (!url.password().isEmpty())
        return refuse(u"holds a password; pushing logs in with a key only"_s);
    if (url.hasQuery() || url.hasFragment())
        return refuse(u"has a query or fragment; only sftp://[user@]host[:port]/path is understood"_s);
    const QString path = url.path();
    if (!path.startsWith(u'/') || path.contains(u"/../"_s) || path.endsWith(u"/.."_s))
        return refuse(u"does not name an absolute inbox path"_s);
    PushDestination destination;
    destination.user = url.userName();
    destination.host = url.host();
    destination.port = url.port(22);
    destination.path = path;
    if (destination.port <= 0 || destination.port > 65535)
        return refuse(u"has no valid port"_s);
    return destination;
}

} // namespace Flight::Recorder
