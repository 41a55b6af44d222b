// SPDX-License-Identifier: GPL-3.0-or-later
#include "followprocessdialog.h"

#include "markactions.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

namespace Deck::Gui {

FollowProcessDialog::FollowProcessDialog(Models::CaseSession &session, qint64 processId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new Models::FollowChainModel(this))
    , m_view(new QTreeView(this))
    , m_title(new QLabel(this))
    , m_notes(new QLabel(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("followProcessDialog"));
    setWindowTitle(tr("Follow Process #%1").arg(processId));
    m_title->setText(tr("Following process #%1 across hosts…").arg(processId));
    m_title->setWordWrap(true);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto fit = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 3 * metrics.averageCharWidth();
    };
    const QString time = QStringLiteral("2026-12-03 08:17:39.123 UTC");
    for (const auto &[column, width] :
         {std::pair{int(Models::FollowChainModel::StepColumn),
                    fit(QStringLiteral("10.200.200.1:50001 → 10.200.200.2:22 tcp")) + 6 * m_view->indentation()},
          {int(Models::FollowChainModel::HostColumn), fit(QStringLiteral("web-01.example"))},
          {int(Models::FollowChainModel::RoleColumn), fit(tr("connection to web-01 (4-tuple+ssh-env)"))},
          {int(Models::FollowChainModel::RawTimeColumn), fit(time)}})
        m_view->header()->resizeSection(column, width);
    m_view->header()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        const QVariant id = index.data(Models::FollowChainModel::ProcessIdRole);
        if (id.isValid())
            m_session.selection().setProcess(id.toLongLong(),
                                             index.data(Models::FollowChainModel::HostIdRole).toLongLong());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_notes);
    layout->addWidget(buttons);
    resize(fit(time) * 4 + fit(tr("ssh session (SSH_CONNECTION)")) * 2, 420);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.future().isResultReadyAt(0))
            showChain(m_watcher.result());
        Q_EMIT loaded();
    });
    m_watcher.setFuture(
        session.worker().run([processId](Core::Database &db) { return Core::FollowQueries(db).follow(processId); }));
}

FollowProcessDialog::~FollowProcessDialog()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void FollowProcessDialog::showChain(const Core::Expected<Core::FollowChain> &chain)
{
    if (!chain) {
        m_title->setText(tr("The chain could not be read: %1").arg(chain.error().message));
        return;
    }
    m_model->setChain(*chain);
    m_view->expandAll();
    QSet<qint64> hosts;
    for (const Core::FollowStep &step : chain->steps)
        hosts.insert(step.hostId);
    const Core::FollowStep *first = chain->steps.isEmpty() ? nullptr : &chain->steps.constFirst();
    const QString origin = chain->hostnames.value(chain->originHostId);
    m_title->setText(first && first->process
                         ? tr("%1 (pid %2) on %3: %n stitched connection(s) across %4 host(s). Times in the last "
                              "column are on %3's clock; the recorded times are not changed.",
                              nullptr, int(chain->links.size()))
                               .arg(first->process->comm)
                               .arg(first->process->pid)
                               .arg(origin)
                               .arg(hosts.size())
                         : tr("Nothing to follow."));
    m_notes->setText(m_model->notes().join(u'\n'));
}

QAction *FollowProcessDialog::attach(QAbstractItemView *view, MarkActions *marks, Models::CaseSession &session,
                                     int processIdRole)
{
    auto *action = new QAction(tr("&Follow Process"), view);
    action->setObjectName(QStringLiteral("followProcessAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_T));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setShortcutVisibleInContextMenu(true);
    action->setToolTip(tr("The process's chain across monitored hosts: its connections, the processes that "
                          "accepted them and what they ran"));
    view->addAction(action);
    const auto follow = [view, &session, processIdRole](const QModelIndex &index) {
        const QVariant id = index.data(processIdRole);
        if (!id.isValid() || !session.isOpen())
            return;
        (new FollowProcessDialog(session, id.toLongLong(), view->window()))->show();
    };
    QObject::connect(action, &QAction::triggered, view, [view, follow] { follow(view->currentIndex()); });
    if (marks)
        QObject::connect(marks, &MarkActions::menuRequested, view,
                         [action, follow, processIdRole](QMenu *menu, const QModelIndex &index) {
                             if (!index.data(processIdRole).isValid())
                                 return;
                             menu->addSeparator();
                             QAction *item
                                 = menu->addAction(action->text(), action, [follow, index] { follow(index); });
                             item->setShortcut(action->shortcut());
                         });
    return action;
}

} // namespace Deck::Gui
