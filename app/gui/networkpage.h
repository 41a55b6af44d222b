// SPDX-License-Identifier: GPL-3.0-or-later
// The network map: a graph of hosts, their processes and the remote addresses they talked to (the same GraphPanel
// as the file access graph; every host at first, then grown from the process or endpoint selected in any view),
// and Wireshark-style Conversations and Endpoints tables of the whole case within the hub's time range. Selecting a
// row or a node selects its process and endpoint in every view. Queries run on the page's own worker.
// Thread: the GUI thread.
#pragma once

#include "conversationsmodel.h"
#include "endpointsmodel.h"
#include "graphcontroller.h"
#include "page.h"

class QLabel;
class QTabWidget;
class QTableView;

namespace Deck::Gui {

class GraphMarks;
class GraphPanel;

class NetworkPage : public Page
{
    Q_OBJECT
public:
    explicit NetworkPage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~NetworkPage() override;

    QString title() const override { return tr("Network"); }
    GraphPanel *panel() const { return m_panel; }
    GraphMarks *marks() const { return m_marks; }
    Models::GraphController &controller() { return m_controller; }
    QTableView *conversationsView() const { return m_conversationsView; }
    QTableView *endpointsView() const { return m_endpointsView; }
    Models::ConversationsModel &conversations() { return m_conversations; }
    Models::EndpointsModel &endpoints() { return m_endpoints; }

private:
    QWidget *tablePage(QTableView *view, QLabel *status);
    void caseOpened();
    void caseClosed();
    void followProcess(qint64 processId);
    void followEndpoint(const std::optional<Models::Endpoint> &endpoint);
    void followRange(const Core::TimeRange &range);
    void selectNode(const QString &key);
    void conversationSelected(const QModelIndex &index);
    void endpointSelected(const QModelIndex &index);
    void showCounts();

    std::unique_ptr<Models::CaseWorker> m_worker;
    Models::GraphController m_controller;
    Models::ConversationsModel m_conversations;
    Models::EndpointsModel m_endpoints;
    GraphPanel *m_panel;
    GraphMarks *m_marks;
    QTabWidget *m_tables;
    QTableView *m_conversationsView;
    QTableView *m_endpointsView;
    QLabel *m_conversationsStatus;
    QLabel *m_endpointsStatus;
    bool m_selecting = false; // the page itself is setting the hub: follow without starting over
};

} // namespace Deck::Gui
