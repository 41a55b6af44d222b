// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphpages.h"

#include "timelinequeries.h"

#include <QFutureWatcher>

namespace Deck::Gui {

void followTimeSpan(Models::CaseSession &session, Models::CaseWorker &worker, GraphPanel *panel)
{
    using Extent = Core::Expected<std::optional<Core::TimeRange>>;
    auto *watcher = new QFutureWatcher<Extent>(panel);
    QObject::connect(watcher, &QFutureWatcher<Extent>::finished, panel, [watcher, panel, &session] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        const Extent extent = watcher->result();
        panel->setSpan(session.selection().timeRange(), extent ? *extent : std::optional<Core::TimeRange>());
    });
    watcher->setFuture(worker.run([](Core::Database &db) { return Core::TimelineQueries(db).extent(std::nullopt); }));
}

} // namespace Deck::Gui
