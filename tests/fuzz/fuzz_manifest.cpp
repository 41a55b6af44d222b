// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: manifest.json bytes (FORMAT.md §3) into manifestFromJson. Besides not crashing, these must hold:
// - a rejection carries Reason::MalformedManifest or Reason::UnsupportedVersion and a message (manifest.h);
// - what parses serialises with manifestToJson to valid UTF-8 that parses to an equal Manifest;
// - serialising that again gives the same bytes (the archive digest is a hash of them, §4).
#include "archiveerror.h"
#include "fuzzsupport.h"
#include "jsonwriter.h"
#include "manifest.h"

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using Flight::Fuzz::printable;
using Flight::Fuzz::propertyViolated;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input = Flight::Fuzz::inputBytes(data, size);
    const auto first = manifestFromJson(input);
    if (!first) {
        const Reason reason = reasonOf(first.error());
        if ((reason != Reason::MalformedManifest && reason != Reason::UnsupportedVersion)
            || first.error().message.isEmpty()) {
            propertyViolated("a rejected manifest gives MalformedManifest or UnsupportedVersion and a message",
                             u"code %1, message '%2'"_s.arg(first.error().code).arg(first.error().message));
        }
        return 0;
    }

    const QByteArray json = manifestToJson(*first);
    const auto details = [&](const QString &what) {
        return u"input:  %1\nwritten: %2\n%3"_s.arg(QString::fromLatin1(printable(input)),
                                                    QString::fromLatin1(printable(json)), what);
    };
    if (!isValidUtf8(json))
        propertyViolated("a written manifest is valid UTF-8", details({}));
    const auto second = manifestFromJson(json);
    if (!second)
        propertyViolated("a written manifest parses", details(u"error: "_s + second.error().message));
    if (!(*second == *first))
        propertyViolated("manifestFromJson(manifestToJson(m)) == m", details({}));
    const QByteArray again = manifestToJson(*second);
    if (again != json)
        propertyViolated("manifestToJson is deterministic",
                         details(u"again:   "_s + QString::fromLatin1(printable(again))));
    return 0;
}
