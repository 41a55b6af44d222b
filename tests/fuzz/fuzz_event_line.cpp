// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: one event line (FORMAT.md §2) into decodeEvent. Besides not crashing, these must hold:
// - a rejection carries Reason::MalformedEvent and a message (eventcodec.h);
// - what decodes re-encodes to one valid UTF-8 line with no raw '\n' but the final one (§2.1);
// - that line decodes to an equal Event (the round trip the collector's journal and the reader rely on);
// - encoding it again gives the same bytes (the encoding is deterministic);
// - the decoder's fast path accepts only what the full decoder accepts, as the same Event (fasteventdecoder.h).
#include "archiveerror.h"
#include "eventcodec.h"
#include "fasteventdecoder.h"
#include "fuzzsupport.h"
#include "jsonwriter.h"

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using Flight::Fuzz::printable;
using Flight::Fuzz::propertyViolated;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input = Flight::Fuzz::inputBytes(data, size);
    const auto first = decodeEvent(input);
    if (const auto fast = decodeEventFast(input)) {
        const auto full = decodeEventFull(input);
        if (!full || !(*full == *fast))
            propertyViolated("the fast path accepts only what the full decoder accepts, as the same event",
                             u"input: %1\nfull decoder: %2"_s.arg(QString::fromLatin1(printable(input)),
                                                                  full ? u"another event"_s : full.error().message));
    }
    if (!first) {
        if (reasonOf(first.error()) != Reason::MalformedEvent || first.error().message.isEmpty())
            propertyViolated("a rejected line gives Reason::MalformedEvent and a message",
                             u"code %1, message '%2'"_s.arg(first.error().code).arg(first.error().message));
        return 0;
    }

    const QByteArray encoded = encodeEvent(*first);
    const auto details = [&](const QString &what) {
        return u"input:   %1\nencoded: %2\n%3"_s.arg(QString::fromLatin1(printable(input)),
                                                     QString::fromLatin1(printable(encoded)), what);
    };
    if (!encoded.endsWith('\n') || encoded.indexOf('\n') != encoded.size() - 1)
        propertyViolated("an encoded event is one line ending in '\\n'", details({}));
    if (!isValidUtf8(encoded))
        propertyViolated("an encoded event is valid UTF-8", details({}));

    const auto second = decodeEvent(QByteArrayView(encoded).chopped(1));
    if (!second)
        propertyViolated("an encoded event decodes", details(u"error: "_s + second.error().message));
    if (!(*second == *first))
        propertyViolated("decode(encode(event)) == event", details({}));
    const QByteArray again = encodeEvent(*second);
    if (again != encoded)
        propertyViolated("encoding is deterministic", details(u"again:   "_s + QString::fromLatin1(printable(again))));
    return 0;
}
