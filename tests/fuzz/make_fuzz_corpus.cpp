// SPDX-License-Identifier: GPL-3.0-or-later
// make_fuzz_corpus DIR: writes the seed corpus of every fuzz target into DIR/<target>/, from the sample events of
// flight_testsupport through the real writer and encoder (built without instrumentation):
//   fuzz_archive         plain, encrypted (1 KiB chunks) and empty archives
//   fuzz_event_line      one line per sample event (every kind), without its '\n'
//   fuzz_manifest        the manifests of the plain and the encrypted archive
//   fuzz_archive_signed  events.jsonl contents: every kind, and a few lines
// Files already there are replaced. Exit status 0 on success, 1 with a message on stderr otherwise.
#include "eventcodec.h"
#include "formatversion.h"
#include "sampleevents.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

bool fail(const QString &message)
{
    std::fprintf(stderr, "make_fuzz_corpus: %s\n", qPrintable(message));
    return false;
}

bool writeFile(const QString &path, QByteArrayView content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content.data(), content.size()) != content.size())
        return fail(u"%1: cannot write: %2"_s.arg(path, file.errorString()));
    return true;
}

std::optional<QString> targetDir(const QDir &root, const QString &target)
{
    if (!root.mkpath(target)) {
        fail(u"%1: cannot create the directory"_s.arg(root.filePath(target)));
        return std::nullopt;
    }
    return root.filePath(target);
}

// Writes an archive of `events` and returns its manifest bytes.
std::optional<QByteArray> archive(const QString &path, const SigningKey &key, const QList<Event> &events,
                                  const WriterOptions &options)
{
    QFile::remove(path);
    auto sealed = writeArchive(path, key, events, sampleHeader(), options);
    if (!sealed) {
        fail(sealed.error().message);
        return std::nullopt;
    }
    return sealed->manifestBytes;
}

bool archiveSeeds(const QDir &root, const QList<Event> &events)
{
    const auto archives = targetDir(root, u"fuzz_archive"_s);
    const auto manifests = targetDir(root, u"fuzz_manifest"_s);
    if (!archives || !manifests)
        return false;
    const SigningKey key = SigningKey::generate();
    WriterOptions options;
    options.createdTs = 1763800600000000000LL;
    const auto plain = archive(*archives + u"/plain.frec"_s, key, events, options);
    if (!plain || !archive(*archives + u"/empty.frec"_s, key, {}, options))
        return false;
    options.recipient = DecryptionKey::generate().recipient();
    options.chunkSize = kMinChunkSize;
    const auto encrypted = archive(*archives + u"/encrypted.frec"_s, key, events, options);
    return encrypted && writeFile(*manifests + u"/plain.json"_s, *plain)
        && writeFile(*manifests + u"/encrypted.json"_s, *encrypted);
}

bool eventSeeds(const QDir &root, const QList<Event> &events)
{
    const auto lines = targetDir(root, u"fuzz_event_line"_s);
    const auto contents = targetDir(root, u"fuzz_archive_signed"_s);
    if (!lines || !contents)
        return false;
    QByteArray all;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const qsizetype before = all.size();
        encodeEvent(events[i], all);
        const QByteArrayView line = QByteArrayView(all).sliced(before, all.size() - before - 1);
        const QString name = u"%1-%2.json"_s.arg(i, 2, 10, QChar(u'0')).arg(QLatin1StringView(kindName(events[i])));
        if (!writeFile(*lines + u'/' + name, line))
            return false;
    }
    QByteArray few;
    for (qsizetype i = 0; i < 3; ++i)
        encodeEvent(events[i * 5], few);
    // No empty seed: libFuzzer skips empty files and always tries the empty input itself.
    return writeFile(*contents + u"/all-kinds.jsonl"_s, all) && writeFile(*contents + u"/few.jsonl"_s, few);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: make_fuzz_corpus DIR\n");
        return 1;
    }
    const QDir root(arguments[1]);
    if (!root.mkpath(u"."_s)) {
        fail(u"%1: cannot create the directory"_s.arg(root.path()));
        return 1;
    }
    const QList<Event> events = oneEventOfEachKind();
    return archiveSeeds(root, events) && eventSeeds(root, events) ? 0 : 1;
}
