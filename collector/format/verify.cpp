// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify.h"

#include "archiveerror.h"

using namespace Qt::StringLiterals;

namespace Flight::Format {

Expected<VerifiedArchive> verifyArchive(const QString &path, const VerifyOptions &options)
{
    ArchiveReader reader(path, options.limits);
    if (auto opened = reader.open(); !opened)
        return opened.error();
    if (options.trusted && !options.trusted->contains(reader.signer()))
        return makeError(Reason::UnknownSigner, u"%1: unknown signer %2"_s.arg(path, reader.signer().fingerprint()));
    const bool decode = !reader.encrypted() || options.key;
    auto checked
        = decode ? reader.readEvents([](const Event &) { return true; }, options.key) : reader.checkEventsDigest();
    if (!checked)
        return checked.error();
    return VerifiedArchive{reader.manifest(), reader.digest(), reader.signer(), decode};
}

} // namespace Flight::Format
