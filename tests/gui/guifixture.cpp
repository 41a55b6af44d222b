// SPDX-License-Identifier: GPL-3.0-or-later
#include "guifixture.h"

#include "importer.h"

#include <QDir>

namespace Deck::TestSupport {

using namespace Deck::Core;

namespace {

// gamma's `accounts` check at the top of archive `index` (the busy host's uids are 1000-1004): root, alice, bob,
// carol and deploy named, 1004 never (its processes show the number alone); bob renamed robert in the second archive.
Flight::Format::Event gammaAccounts(int index)
{
    using namespace Flight::Format;
    const auto user = [](qint64 uid, const QString &name) {
        return StateItem{QStringLiteral("uid:%1").arg(uid),
                         {{QStringLiteral("name"), name}, {QStringLiteral("gid"), uid}}};
    };
    const QString bob = index == 0 ? QStringLiteral("bob") : QStringLiteral("robert");
    const qint64 ts = Flight::TestSupport::kBaseTs + qint64(index) * 600000 * 1000000;
    const qint64 mono = Flight::TestSupport::kBaseMono + qint64(index) * 600000 * 1000000;
    return Event{ts, mono,
                 StateSnapshot{QStringLiteral("accounts"),
                               {user(0, QStringLiteral("root")), user(1000, QStringLiteral("alice")),
                                user(1001, bob), user(1002, QStringLiteral("carol")),
                                user(1003, QStringLiteral("deploy"))}}};
}

} // namespace

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
    for (int i = 0; i < kArchives; ++i) {
        QList<Flight::Format::Event> events = busyHostEvents(perArchive, 1000 + i * perArchive, i * 600000);
        events.prepend(gammaAccounts(i));
        files << gamma.next(events);
    }

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
