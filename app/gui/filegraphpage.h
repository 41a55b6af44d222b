// SPDX-License-Identifier: GPL-3.0-or-later
// The file access graph: processes (left) and the files they opened, executed, wrote, created, deleted and renamed
// (right), grown from the process or file selected in any view (the hub's process and path); double-click a node to
// expand it one step, click it to select it everywhere. Bounded (GraphDocument::kMaxNodes, "N more" nodes), limited
// to the hub's time range and the time slider. Queries run on the page's own worker.
// Thread: the GUI thread.
#pragma once

#include "graphcontroller.h"
#include "page.h"

namespace Deck::Gui {

class GraphMarks;
class GraphPanel;

class FileGraphPage : public Page
{
    Q_OBJECT
public:
    explicit FileGraphPage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~FileGraphPage() override;

    QString title() const override { return tr("File Access"); }
    GraphPanel *panel() const { return m_panel; }
    GraphMarks *marks() const { return m_marks; }
    Models::GraphController &controller() { return m_controller; }

private:
    void caseOpened();
    void caseClosed();
    void showProcess(qint64 processId);
    void showPath(const QByteArray &path);
    void select(const QString &key);

    std::unique_ptr<Models::CaseWorker> m_worker;
    Models::GraphController m_controller;
    GraphPanel *m_panel;
    GraphMarks *m_marks;
};

} // namespace Deck::Gui
