// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-makearchives OUTDIR HOSTS EVENTS_PER_HOST EVENTS_PER_ARCHIVE: writes signed hash chains of busy-host
// archives (real keys, the format library's writer) and OUTDIR/trust.txt with the hosts' keys. For measuring imports
// by hand and from benchmarks; not a test.
#include "casefixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fputs("usage: flightdeck-makearchives OUTDIR HOSTS EVENTS_PER_HOST EVENTS_PER_ARCHIVE\n", stderr);
        return 2;
    }
    const QString out = args[1];
    const int hosts = args[2].toInt();
    const qint64 perHost = args[3].toLongLong();
    const int perArchive = std::max(1, args[4].toInt());
    QFile trust(QDir(out).filePath(u"trust.txt"_s));
    if (!QDir().mkpath(out) || !trust.open(QIODevice::WriteOnly)) {
        std::fputs("flightdeck-makearchives: cannot write the output folder\n", stderr);
        return 2;
    }
    for (int h = 0; h < hosts; ++h) {
        const QString name = u"host%1"_s.arg(h, 2, 10, QLatin1Char('0'));
        const QString dir = QDir(out).filePath(name);
        QDir().mkpath(dir);
        ArchiveSeries series(dir, name);
        trust.write((series.key.publicKey().toText() + u' ' + name + u'\n').toUtf8());
        qint64 pid = 1000;
        for (qint64 done = 0; done < perHost; done += perArchive) {
            const int n = int(std::min<qint64>(perArchive, perHost - done));
            const auto events = busyHostEvents(n, pid, done);
            pid += n; // more than the processes used: keys never repeat
            if (series.next(events).isEmpty())
                return 1;
        }
    }
    return 0;
}
