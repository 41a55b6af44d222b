// SPDX-License-Identifier: GPL-3.0-or-later
// The pages of the main window, in the order their tabs appear (docks go where their placement() says). A new view
// is one line here.
#include "datainpage.h"
#include "eventspage.h"
#include "filegraphpage.h"
#include "hostspage.h"
#include "indicatorspage.h"
#include "integritypage.h"
#include "markspage.h"
#include "networkpage.h"
#include "page.h"
#include "processtreepage.h"
#include "replaypage.h"
#include "timelinepage.h"

namespace Deck::Gui {

QList<Page *> createPages(Models::CaseSession &session)
{
    QList<Page *> pages;
    pages << new TimelinePage(session); // top dock: the range every view follows
    pages << new HostsPage(session); // left dock: the entry point of a case
    pages << new ProcessTreePage(session);
    pages << new EventsPage(session);
    pages << new FileGraphPage(session);
    pages << new NetworkPage(session);
    pages << new IntegrityPage(session);
    pages << new MarksPage(session);
    pages << new ReplayPage(session); // point-in-time replay (issue 10)
    pages << new IndicatorsPage(session); // indicators (issue 10)
    pages << new DataInPage(session); // import, pull, inbox (drops on the window import from any page)
    return pages;
}

} // namespace Deck::Gui
