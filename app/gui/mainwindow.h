// SPDX-License-Identifier: GPL-3.0-or-later
// The workstation's main window: the case menu (new, open a file or a PostgreSQL URL, recent cases, the incident
// report, close), the
// pages of pages.cpp as tabs and docks, and the status bar. Window geometry, dock layout and recent cases are kept
// in QSettings.
// Thread: the GUI thread.
#pragma once

#include "casesession.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QTabWidget;

namespace Deck::Gui {

class CaseKeyActions;
class Page;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Models::CaseSession &session() { return m_session; }
    CaseKeyActions *caseKeyActions() const { return m_caseKey; }
    const QList<Page *> &pages() const { return m_pages; }
    // Brings `page` to the front (its tab, or raises its dock).
    void showPage(Page *page);

    // Opens a case file or postgresql:// URL, as File > Open does; errors are shown in a message box.
    void openCase(const QString &location);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createLanguageMenu(QMenu *menu);
    void placePages();
    void newCase();
    void openCaseFile();
    void openPostgresCase();
    void rememberRecent(const QString &location);
    void fillRecentMenu();
    void showCaseState();

    Models::CaseSession m_session;
    QTabWidget *m_tabs = nullptr;
    QList<Page *> m_pages;
    QMenu *m_recentMenu = nullptr;
    QAction *m_reportAction = nullptr;
    QLabel *m_caseLabel = nullptr;
    CaseKeyActions *m_caseKey = nullptr;
};

} // namespace Deck::Gui
