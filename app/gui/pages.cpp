// SPDX-License-Identifier: GPL-3.0-or-later
// The pages of the main window, in the order their tabs appear. A new view is one line here.
#include "page.h"
#include "processtreepage.h"

namespace Deck::Gui {

QList<Page *> createPages(Models::CaseSession &session)
{
    Q_UNUSED(session);
    QList<Page *> pages;
    pages << new ProcessTreePage(session);
    return pages;
}

} // namespace Deck::Gui
