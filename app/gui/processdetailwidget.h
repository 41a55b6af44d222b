// SPDX-License-Identifier: GPL-3.0-or-later
// The detail panel of the process tree: everything the case holds of one process (argv element by element, user
// and ids, cwd, exe and its digest, the environment allowlist, how it ended, its parent) and what it did: the files
// it touched, the connections it made and its children, each list clickable to select the path, the endpoint or the
// child in the shared selection. Loads on the case's worker; a newer showProcess() drops an older answer.
// Thread: the GUI thread.
#pragma once

#include "casesession.h"
#include "processdetail.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace Deck::Gui {

class ProcessDetailWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ProcessDetailWidget(Models::CaseSession &session, QWidget *parent = nullptr);
    ~ProcessDetailWidget() override;

    // Loads and shows the process; std::nullopt shows the empty state.
    void showProcess(std::optional<qint64> processId);
    std::optional<qint64> shownProcess() const { return m_shown; }

    QTreeWidget *files() const { return m_files; }
    QTreeWidget *connections() const { return m_connections; }
    QTreeWidget *children() const { return m_children; }
    QTextBrowser *summary() const { return m_summary; }

Q_SIGNALS:
    void loaded(qint64 processId);

private:
    using Loaded = Core::Expected<Models::ProcessDetail>;
    void showDetail(const Models::ProcessDetail &detail);
    void showMessage(const QString &title, const QString &text);
    void fillLists(const Models::ProcessDetail &detail);
    void activateFile(QTreeWidgetItem *item);
    void activateConnection(QTreeWidgetItem *item);
    void activateChild(QTreeWidgetItem *item);

    Models::CaseSession &m_session;
    QFutureWatcher<Loaded> m_loading;
    std::optional<qint64> m_shown;
    QLabel *m_title = nullptr;
    QTextBrowser *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_files = nullptr;
    QTreeWidget *m_connections = nullptr;
    QTreeWidget *m_children = nullptr;
};

// The summary of a process as HTML, every recorded value escaped (hostile bytes stay text).
QString processSummaryHtml(const Models::ProcessDetail &detail);

} // namespace Deck::Gui
