// SPDX-License-Identifier: GPL-3.0-or-later
// Getting data in (a dock under the views): Import Folder/Files (Ctrl+I, Ctrl+Shift+I), Pull from Hosts
// (Ctrl+Shift+P), the inbox watcher's state (watching which folder, the last import, what went wrong) with Watch
// and Stop, and the outcomes of what the inbox imported. Files and folders dropped anywhere on the main window are
// imported too: the page installs an event filter on its window (no change to MainWindow is needed).
// Thread: the GUI thread.
#pragma once

#include "intakeservice.h"
#include "page.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Deck::Gui {

class DataInPage : public Page
{
    Q_OBJECT
public:
    explicit DataInPage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~DataInPage() override;

    QString title() const override { return tr("Data In"); }
    Placement placement() const override { return Placement::Tab; }
    // A strip under the views, not half of the window: the outcomes list scrolls.
    QSize sizeHint() const override { return {900, 220}; }

    Models::IntakeService &intake() { return m_intake; }
    QLabel *inboxLabel() const { return m_inboxLabel; }

    // Opens the import dialog on `paths` (files or folders); a message when no case is open.
    void importPaths(const QStringList &paths);
    void openPullDialog();

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFolder();
    void chooseFiles();
    void chooseInbox();
    void showInbox(const Pull::InboxStatus &status);
    void showCaseState();
    void hookWindow();

    Models::IntakeService m_intake;
    QWidget *m_hookedWindow = nullptr;
    QList<QPushButton *> m_caseButtons;
    QPushButton *m_stopInbox = nullptr;
    QLabel *m_inboxLabel = nullptr;
    QTreeWidget *m_inboxOutcomes = nullptr;
};

} // namespace Deck::Gui
