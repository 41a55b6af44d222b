// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphtestcase.h"

#include "importer.h"
#include "truststore.h"

#include <QDir>

namespace Deck::TestSupport {

GuiCase buildGraphCase(const QString &dir, int files)
{
    GuiCase built = buildGuiCase(dir);
    if (!built.error.isEmpty())
        return built;
    const QString archives = QDir(dir).filePath(QStringLiteral("delta"));
    QDir().mkpath(archives);
    ArchiveSeries delta(archives, QStringLiteral("delta"));
    QList<Event> events{execEvent(700, 1, QStringLiteral("find"), {"/usr/bin/find", "/srv"}, 0)};
    events.reserve(files + 8);
    for (int i = 0; i < files; ++i)
        events << fileEvent(700, FileOp::Open, "/srv/data/f" + QByteArray::number(i), 1 + i / 100);
    events << fileEvent(700, FileOp::Rename, "/srv/data/f0", 2 + files / 100)
           << fileEvent(700, FileOp::Delete, "/srv/data/f1", 2 + files / 100);
    const QString file = delta.next(events);

    auto opened = Core::Database::open(built.location);
    if (!opened) {
        built.error = opened.error().message;
        return built;
    }
    if (auto trusted = Core::TrustStore(**opened).trust(delta.key.publicKey(), delta.host.hostname); !trusted) {
        built.error = trusted.error().message;
        return built;
    }
    const auto outcome = Core::Importer(**opened).importFile(file);
    if (outcome.status != Core::ImportStatus::Imported)
        built.error = outcome.message;
    return built;
}

} // namespace Deck::TestSupport
