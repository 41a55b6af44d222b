// SPDX-License-Identifier: GPL-3.0-or-later
#include "filegraphpage.h"

#include "filegraphsource.h"
#include "graphmarks.h"
#include "graphnodes.h"
#include "graphpages.h"
#include "graphstyle.h"
#include "graphview.h"

#include <QVBoxLayout>

namespace Deck::Gui {

namespace {
// "renamed to" has the colour of "rename": one entry in the legend.
QStringList legendOperations()
{
    QStringList ops = fileOperations();
    ops.removeAll(QStringLiteral("rename-to"));
    return ops;
}
} // namespace

FileGraphPage::FileGraphPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_controller(&Models::fileGraphPiece, 1)
    , m_panel(new GraphPanel(m_controller, legendOperations(), this))
    , m_marks(new GraphMarks(m_panel->view(), m_controller, session))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_panel);
    m_panel->view()->setPlaceholder(
        tr("No process or file selected.\n\nSelect a process (in the process tree or the events) or a file to see "
           "which files it touched or which processes touched it. Double-click a node to expand it; click it to "
           "select it in every view."));

    m_panel->setLonelyText(tr("%1: no file events in this time range."));
    auto &hub = session.selection();
    connect(&session, &Models::CaseSession::opened, this, &FileGraphPage::caseOpened);
    connect(&session, &Models::CaseSession::closed, this, &FileGraphPage::caseClosed);
    connect(&hub, &Models::SelectionHub::processChanged, this, &FileGraphPage::showProcess);
    connect(&hub, &Models::SelectionHub::pathChanged, this, &FileGraphPage::showPath);
    connect(&hub, &Models::SelectionHub::timeRangeChanged, m_panel, &GraphPanel::setHubRange);
    connect(m_panel->view(), &GraphView::nodeClicked, this, &FileGraphPage::select);
    connect(m_panel->view(), &GraphView::nodeActivated, &m_controller, &Models::GraphController::expand);
    if (session.isOpen())
        caseOpened();
}

FileGraphPage::~FileGraphPage()
{
    m_controller.setWorker(nullptr);
}

void FileGraphPage::caseOpened()
{
    m_worker = session().openWorker();
    m_controller.setWorker(m_worker.get());
    followTimeSpan(session(), *m_worker, m_panel);
}

void FileGraphPage::caseClosed()
{
    m_controller.setWorker(nullptr);
    m_worker.reset();
}

void FileGraphPage::showProcess(qint64 processId)
{
    const QString key = Models::processKey(processId);
    // A node of this graph clicked here, or one it holds: select it; else start over from it.
    if (!m_controller.document().node(key)) {
        const auto host = session().selection().host();
        m_controller.start(Models::processSeed(processId, host.value_or(0), 0));
    }
    m_panel->view()->setCurrent(key);
}

void FileGraphPage::showPath(const QByteArray &path)
{
    if (path.isEmpty())
        return;
    const QString key = Models::fileKey(path);
    if (!m_controller.document().node(key))
        m_controller.start(Models::fileSeed(path));
    m_panel->view()->setCurrent(key);
}

void FileGraphPage::select(const QString &key)
{
    const auto *node = m_controller.document().node(key);
    if (!node)
        return;
    auto &hub = session().selection();
    if (node->kind == Models::NodeKind::Process)
        hub.setProcess(node->id, node->hostId);
    else if (node->kind == Models::NodeKind::File)
        hub.setPath(node->path);
}

} // namespace Deck::Gui
