// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadarchives.h"

#include "archivereader.h"
#include "casefixture.h"
#include "importer.h"
#include "importworkload.h"
#include "truststore.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Deck::Bench {

bool writeWorkloadArchives(WorkloadArchives &archives, int hosts, qint64 perHost, int perArchive)
{
    QFile trust(QDir(archives.dir).filePath(u"trust.txt"_s));
    if (!trust.open(QIODevice::WriteOnly))
        return false;
    for (int h = 0; h < hosts; ++h) {
        const QString name = u"host%1"_s.arg(h, 2, 10, QLatin1Char('0'));
        const QString dir = QDir(archives.dir).filePath(name);
        QDir().mkpath(dir);
        TestSupport::ArchiveSeries series(dir, name);
        ImportWorkload workload(h);
        for (qint64 done = 0; done < perHost; done += perArchive) {
            if (series.next(workload.next(int(std::min<qint64>(perArchive, perHost - done)))).isEmpty())
                return false;
        }
        archives.keys.append({series.key.publicKey().toText(), name});
        trust.write((series.key.publicKey().toText() + u' ' + name + u'\n').toUtf8());
        archives.events += perHost;
    }
    return true;
}

bool readWorkloadArchives(WorkloadArchives &archives)
{
    QFile trust(QDir(archives.dir).filePath(u"trust.txt"_s));
    if (!trust.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : trust.readAll().split('\n')) {
        const auto fields = line.split(' ');
        if (fields.size() == 2)
            archives.keys.append({QString::fromLatin1(fields[0]), QString::fromLatin1(fields[1])});
    }
    for (const QString &file : Core::Importer::findArchives({archives.dir})) {
        Flight::Format::ArchiveReader reader(file);
        if (!reader.open())
            return false;
        archives.events += reader.manifest().tally.events;
    }
    return !archives.keys.isEmpty();
}

QString trustWorkloadKeys(Core::Database &db, const WorkloadArchives &archives)
{
    Core::TrustStore trust(db);
    for (const auto &[key, host] : archives.keys) {
        auto publicKey = Flight::Format::PublicKey::fromText(key);
        if (!publicKey)
            return u"trust.txt: bad key %1"_s.arg(key);
        if (auto trusted = trust.trust(*publicKey, host); !trusted)
            return trusted.error().message;
    }
    return {};
}

} // namespace Deck::Bench
