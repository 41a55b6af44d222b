// SPDX-License-Identifier: GPL-3.0-or-later
// The Replay page: one host's state at a time T, replayed forward and backward with a slider — the processes alive
// (as a tree), files open for writing, connections and listeners, and the kernel modules, BPF programs and packages
// present — each panel saying when it is incomplete or not known at T, and what changed since the previous position
// highlighted (new rows green, changed yellow, gone ones struck through).
// Keys: Left/Right on the slider (or , and . anywhere on the page) step to the previous/next event; Page Up/Down
// move a twentieth of the recording; Home/End go to its ends; a time typed in the time field jumps there.
// The host follows the selection hub's host; the time is the hub's time (set here, followed from other views); a
// process selected in the tree is selected in the hub.
// Thread: the GUI thread; the replay runs on the controller's own worker.
#pragma once

#include "page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace Deck::Models {
class ReplayController;
class ReplayListModel;
}

namespace Deck::Gui {

class ReplayPanel;

class ReplayPage : public Page
{
    Q_OBJECT
public:
    explicit ReplayPage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~ReplayPage() override;

    QString title() const override { return tr("Replay"); }
    Models::ReplayController &controller() const { return *m_controller; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createBar();
    QTableView *createTable(Models::ReplayListModel *model);
    void loadHosts();
    void followHost();
    void showReplay();
    void sliderMoved(int value);
    void jumpToTypedTime();
    qint64 timeOfSlider(int value) const;
    int sliderOfTime(qint64 ts) const;

    Models::ReplayController *m_controller;
    QComboBox *m_host = nullptr;
    QSlider *m_slider = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLineEdit *m_time = nullptr;
    QLabel *m_status = nullptr;
    QTreeView *m_tree = nullptr;
    ReplayPanel *m_processPanel = nullptr;
    ReplayPanel *m_filePanel = nullptr;
    ReplayPanel *m_networkPanel = nullptr;
    QList<ReplayPanel *> m_itemPanels; // modules, bpf, packages
    QTabWidget *m_itemTabs = nullptr;
};

} // namespace Deck::Gui
