// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: a whole .frec file, written to the process's scratch file and read with ArchiveReader (open,
// checkEventsDigest, readEvents without a decryption key) under small limits. Mutations outside the events entry
// almost always end at "bad signature"; mutations inside it reach inflate, the CRC and the digest checks, and
// fuzz_archive_signed covers the event lines behind a valid signature. Besides not crashing, these must hold:
// - every error starts with the file's path and carries a Reason (archivereader.h);
// - progress never reports more bytes than the total, and never goes backwards;
// - readEvents never accepts what checkEventsDigest rejected, and then delivered the manifest's number of events.
#include "archiveerror.h"
#include "fuzzsupport.h"

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using Flight::Fuzz::propertyViolated;

namespace {

void checkError(const char *step, const Flight::Error &error)
{
    if (error.code == int(Reason::Unspecified) || !error.message.startsWith(Flight::Fuzz::scratchPath() + u": "_s))
        propertyViolated(
            "reader errors name the file and carry a Reason",
            u"%1: code %2, message '%3'"_s.arg(QLatin1StringView(step)).arg(error.code).arg(error.message));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Flight::Fuzz::writeScratch(Flight::Fuzz::inputBytes(data, size));
    ArchiveReader reader(Flight::Fuzz::scratchPath(), Flight::Fuzz::smallLimits());
    if (const auto opened = reader.open(); !opened) {
        checkError("open", opened.error());
        return 0;
    }

    qint64 lastDone = 0;
    const auto progress = [&](qint64 done, qint64 total) {
        if (done > total || done < lastDone)
            propertyViolated("progress stays within [previous, total]",
                             u"done %1 after %2, total %3"_s.arg(done).arg(lastDone).arg(total));
        lastDone = done;
    };
    const auto digest = reader.checkEventsDigest(progress);
    if (!digest)
        checkError("checkEventsDigest", digest.error());

    lastDone = 0;
    qint64 events = 0;
    const auto read = reader.readEvents(
        [&](const Event &) {
            ++events;
            return true;
        },
        nullptr, progress);
    if (!read) {
        checkError("readEvents", read.error());
        return 0;
    }
    if (!digest)
        propertyViolated("readEvents accepts nothing that checkEventsDigest rejects", digest.error().message);
    if (events != reader.manifest().tally.events)
        propertyViolated("readEvents delivers the manifest's number of events",
                         u"%1 delivered, the manifest says %2"_s.arg(events).arg(reader.manifest().tally.events));
    return 0;
}
