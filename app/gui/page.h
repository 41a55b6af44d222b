// SPDX-License-Identifier: GPL-3.0-or-later
// One view of the main window (hosts, timeline, process tree, events, ...). A page is created once, before any case
// is open, and follows its CaseSession: it loads when the case opens (opened()), empties itself when it closes
// (closed()), and follows and sets the shared selection (session().selection()). The main window places it where
// placement() says. Pages are listed in pages.cpp.
// Thread: the GUI thread; queries go through session().worker() or a worker of the page's own.
#pragma once

#include "casesession.h"

#include <QWidget>

namespace Deck::Gui {

class Page : public QWidget
{
    Q_OBJECT
public:
    enum class Placement { Tab, TopDock, LeftDock, BottomDock };

    explicit Page(Models::CaseSession &session, QWidget *parent = nullptr)
        : QWidget(parent)
        , m_session(session)
    {
    }

    // The title of its tab or dock, translated.
    virtual QString title() const = 0;
    virtual Placement placement() const { return Placement::Tab; }

protected:
    Models::CaseSession &session() const { return m_session; }

private:
    Models::CaseSession &m_session;
};

// Every page of the main window, in tab order; the caller owns them.
QList<Page *> createPages(Models::CaseSession &session);

} // namespace Deck::Gui
