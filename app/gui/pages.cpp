// SPDX-License-Identifier: GPL-3.0-or-later
// The pages of the main window, in the order their tabs appear. A new view is one line here.
#include "eventspage.h"
#include "page.h"

namespace Deck::Gui {

QList<Page *> createPages(Models::CaseSession &session)
{
    Q_UNUSED(session);
    QList<Page *> pages;
    pages << new EventsPage(session);
    return pages;
}

} // namespace Deck::Gui
