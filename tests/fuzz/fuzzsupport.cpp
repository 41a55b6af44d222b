// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzsupport.h"

#include <QDir>
#include <QTemporaryFile>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Flight::Fuzz {

namespace {

QTemporaryFile &scratchFile()
{
    static QTemporaryFile file(QDir::tempPath() + u"/flight-fuzz-XXXXXX.frec"_s);
    return file;
}

QTemporaryFile &openScratchFile()
{
    QTemporaryFile &file = scratchFile();
    if (!file.isOpen() && !file.open())
        environmentFailure(u"cannot create a scratch file in %1: %2"_s.arg(QDir::tempPath(), file.errorString()));
    return file;
}

} // namespace

const QString &scratchPath()
{
    static const QString path = openScratchFile().fileName();
    return path;
}

void writeScratch(QByteArrayView content)
{
    QTemporaryFile &file = openScratchFile();
    if (!file.resize(0) || !file.seek(0) || file.write(content.data(), content.size()) != content.size()
        || !file.flush()) {
        environmentFailure(u"cannot write the scratch file %1: %2"_s.arg(file.fileName(), file.errorString()));
    }
}

Format::ReaderLimits smallLimits()
{
    Format::ReaderLimits limits;
    limits.maxManifestBytes = 64 * 1024;
    limits.maxEventsBytes = 1024 * 1024;
    limits.maxLineBytes = 64 * 1024;
    return limits;
}

QByteArray printable(QByteArrayView bytes, qsizetype limit)
{
    static constexpr char kHex[] = "0123456789abcdef";
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size() && i < limit; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out.append(char(c));
        } else {
            out.append("\\x");
            out.append(kHex[c >> 4]);
            out.append(kHex[c & 0xf]);
        }
    }
    if (bytes.size() > limit)
        out.append("... (" + QByteArray::number(bytes.size()) + " bytes)");
    return out;
}

void environmentFailure(const QString &what)
{
    std::fprintf(stderr, "\n==== fuzz target environment (not a finding): %s\n", qPrintable(what));
    std::fflush(stderr);
    std::abort();
}

void propertyViolated(const char *property, const QString &details)
{
    std::fprintf(stderr, "\n==== fuzz property violated: %s\n%s\n", property, qPrintable(details));
    std::fflush(stderr);
    std::abort();
}

} // namespace Flight::Fuzz
