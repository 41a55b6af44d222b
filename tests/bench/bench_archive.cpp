// SPDX-License-Identifier: GPL-3.0-or-later
// Archive write and read throughput, as ratios against comparators measured in the same run on the same file:
//   write: flight_format's ArchiveWriter    vs `gzip -6` of the same JSON lines (compression alone)
//   read:  ArchiveReader (decompress, digest, decode and check every line) vs `unzip -p` (decompression alone)
//          and vs `jq -c .` (a general JSON parser over the same lines)
// Usage: bench_archive [EVENTS] — prints one line per figure. Not a test: it asserts nothing about time.
#include "archivereader.h"
#include "eventcodec.h"
#include "sampleevents.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// Runs `shell` and returns its wall time in seconds, or -1 when it failed or is not installed.
double timeShell(const QString &shell)
{
    QElapsedTimer t;
    t.start();
    const int code = QProcess::execute(u"sh"_s, {u"-c"_s, shell});
    return code == 0 ? seconds(t) : -1;
}

void report(const char *what, qint64 events, double ours, const char *comparator, double theirs)
{
    std::printf("%-34s %9.0f events/s", what, double(events) / ours);
    if (theirs > 0)
        std::printf("   %.2fx the speed of %s (%.0f events/s)", theirs / ours, comparator, double(events) / theirs);
    else
        std::printf("   (%s not available)", comparator);
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 300000;
    QTemporaryDir dir;
    const QString archive = dir.filePath(u"bench.frec"_s);
    const QString lines = dir.filePath(u"events.jsonl"_s);
    const QList<Event> events = Flight::TestSupport::mixedEvents(count);

    QByteArray encoded;
    for (const Event &e : events)
        encodeEvent(e, encoded);
    QFile out(lines);
    if (!out.open(QIODevice::WriteOnly) || out.write(encoded) != encoded.size())
        return 2;
    out.close();

    QElapsedTimer t;
    t.start();
    auto sealed = Flight::TestSupport::writeArchive(archive, SigningKey::generate(), events);
    const double write = seconds(t);
    if (!sealed) {
        std::fprintf(stderr, "%s\n", qPrintable(sealed.error().message));
        return 2;
    }
    const double gzip = timeShell(u"gzip -6 -c '%1' > /dev/null"_s.arg(lines));

    t.restart();
    qint64 seen = 0;
    ArchiveReader reader(archive);
    auto read = reader.open();
    if (read)
        read = reader.readEvents([&seen](const Event &) { return ++seen, true; });
    const double ours = seconds(t);
    if (!read || seen != count) {
        std::fprintf(stderr, "read failed: %s\n", read ? "count" : qPrintable(read.error().message));
        return 2;
    }
    const double unzip = timeShell(u"unzip -p '%1' events.jsonl > /dev/null"_s.arg(archive));
    const double jq = timeShell(u"jq -c . '%1' > /dev/null"_s.arg(lines));

    std::printf("%d events, %.1f bytes/event as JSON lines, %.1f bytes/event in the archive\n", count,
                double(encoded.size()) / count, double(QFile(archive).size()) / count);
    report("write (encode+deflate+digest+sign)", count, write, "gzip -6", gzip);
    report("read (inflate+digest+decode+check)", count, ours, "unzip -p", unzip);
    report("read vs a JSON parser", count, ours, "jq -c .", jq);
    return 0;
}
