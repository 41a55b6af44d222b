// SPDX-License-Identifier: GPL-3.0-or-later
// The pages of the main window, in the order their tabs appear. A new view is one line here.
#include "hostspage.h"
#include "datainpage.h"
#include "page.h"
#include "timelinepage.h"
#include "processtreepage.h"

namespace Deck::Gui {

QList<Page *> createPages(Models::CaseSession &session)
{
    QList<Page *> pages;
    pages << new TimelinePage(session);
    pages << new HostsPage(session);
    pages.append(new DataInPage(session)); // getting data in: import, pull, inbox
    pages << new ProcessTreePage(session);
    return pages;
}

} // namespace Deck::Gui
