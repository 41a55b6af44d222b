// SPDX-License-Identifier: GPL-3.0-or-later
#include "guifixture.h"

#include "importer.h"

#include <QDir>

namespace Deck::TestSupport {

using namespace Deck::Core;

GuiCase buildGuiCase(const QString &dir, int busyEvents)
{
    GuiCase built;
    const QString archives = QDir(dir).filePath(QStringLiteral("archives"));
    QDir().mkpath(archives);
    QueryScenario scenario(archives, QString());
    ArchiveSeries gamma(archives, QStringLiteral("gamma"));
    QStringList files = scenario.archives;
    constexpr int kArchives = 4;
    const int perArchive = std::max(1, busyEvents / kArchives);
    for (int i = 0; i < kArchives; ++i)
        files << gamma.next(busyHostEvents(perArchive, 1000 + i * perArchive, i * 600000));

    built.location = QDir(dir).filePath(QStringLiteral("case.sqlite"));
    auto opened = Database::open(built.location);
    if (!opened) {
        built.error = opened.error().message;
        return built;
    }
    built.error = trustAndImport(**opened, {&scenario.alpha, &scenario.beta, &gamma}, files);
    if (!built.error.isEmpty())
        return built;
    // A new host whose key nobody trusted yet: its archive waits in quarantine for the analyst's decision.
    ArchiveSeries delta(archives, QStringLiteral("delta"));
    const auto held = Importer(**opened).importFile(delta.next(busyHostEvents(40, 1, 0)));
    if (held.status != ImportStatus::Quarantined)
        built.error = held.message;
    return built;
}

} // namespace Deck::TestSupport
