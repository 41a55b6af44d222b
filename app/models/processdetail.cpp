// SPDX-License-Identifier: GPL-3.0-or-later
#include "processdetail.h"

#include "processqueries.h"

namespace Deck::Models {

Core::Expected<ProcessDetail> ProcessDetail::load(Core::Database &db, qint64 processId, int limit)
{
    ProcessDetail detail;
    detail.limit = limit;
    auto activity = Core::ActivityQueries(db).did(processId, 60'000'000'000, limit);
    if (!activity)
        return activity.error();
    detail.activity = std::move(*activity);
    auto image = Core::ProcessImageQueries(db).image(processId);
    if (!image)
        return image.error();
    detail.image = std::move(*image);
    if (const auto parentId = detail.activity.process.parentId) {
        auto parent = Core::ProcessQueries(db).process(*parentId);
        if (!parent)
            return parent.error();
        detail.parent = std::move(*parent);
    }
    return detail;
}

} // namespace Deck::Models
