// SPDX-License-Identifier: GPL-3.0-or-later
// Where `flightrec push` uploads sealed archives: an SFTP inbox named by a URL,
// "sftp://[user@]host[:port]/absolute/path" (an IPv6 address in brackets). Plain data and a pure parser.
#pragma once

#include "expected.h"

namespace Flight::Recorder {

struct PushDestination
{
    QString user; // empty: the local user name
    QString host;
    int port = 22;
    QString path; // absolute, on the server

    // The URL again, as shown in messages.
    QString display() const;
};

Expected<PushDestination> parsePushDestination(const QString &url);

} // namespace Flight::Recorder
