// SPDX-License-Identifier: GPL-3.0-or-later
// PullDialog's host inventory (the class is split by responsibility; pulldialog.cpp pulls and shows the progress):
// reading the case's remote hosts into the list, adding, editing and removing them on the case's writer.
#include "pulldialog.h"
#include "queryresult.h"
#include "remotehostdialog.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QTreeWidget>

using namespace Deck::Core;
using namespace Deck::Pull;

namespace Deck::Gui {

void PullDialog::reload()
{
    if (!m_intake.writer())
        return;
    Models::whenDone(
        *m_intake.writer(), this, [](Database &db) { return RemoteHostStore(db).list(); },
        [this](const Expected<QList<RemoteHost>> &hosts) {
            if (!hosts) {
                m_summary->setText(hosts.error().message);
                return;
            }
            fillInventory(*hosts);
            Q_EMIT inventoryLoaded();
        });
}

void PullDialog::fillInventory(const QList<RemoteHost> &hosts)
{
    QStringList checked;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it.value()->checkState(HostColumn) == Qt::Checked)
            checked.append(it.key());
    }
    const bool first = m_rows.isEmpty();
    m_inventory = hosts;
    m_hosts->clear();
    m_rows.clear();
    for (const RemoteHost &h : hosts) {
        auto *row = new QTreeWidgetItem(m_hosts);
        row->setText(HostColumn, h.name);
        row->setFlags(row->flags() | Qt::ItemIsUserCheckable);
        row->setCheckState(HostColumn, first || checked.contains(h.name) ? Qt::Checked : Qt::Unchecked);
        row->setText(LoginColumn, tr("%1@%2:%3").arg(h.user, h.address).arg(h.port));
        row->setToolTip(LoginColumn,
                        tr("%1, outbox %2%3")
                            .arg(h.keyFile.isEmpty() ? tr("ssh-agent") : tr("key %1").arg(h.keyFile), h.outbox,
                                 h.jumpHost.isEmpty() ? QString() : tr(", through %1").arg(h.jumpHost)));
        auto *bar = new QProgressBar(m_hosts);
        bar->setRange(0, 1000);
        bar->setValue(0);
        bar->setFormat(QString());
        m_hosts->setItemWidget(row, ProgressColumn, bar);
        row->setText(StatusColumn, tr("not pulled yet"));
        m_rows.insert(h.name, row);
    }
    if (hosts.isEmpty())
        m_summary->setText(tr("This case has no remote hosts yet: add one with Add..."));
    updateButtons();
}

void PullDialog::editHost(bool add)
{
    if (m_job.isRunning() || !m_intake.writer())
        return;
    RemoteHost host;
    const QString name = currentHost();
    if (!add) {
        const auto found = std::find_if(m_inventory.cbegin(), m_inventory.cend(),
                                        [&](const RemoteHost &h) { return h.name == name; });
        if (found == m_inventory.cend())
            return;
        host = *found;
    }
    QStringList names;
    for (const RemoteHost &h : std::as_const(m_inventory))
        names.append(h.name);
    RemoteHostDialog dialog(host, names, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveHost(add ? QString() : name, dialog.host());
}

void PullDialog::saveHost(const QString &oldName, const RemoteHost &host)
{
    if (m_job.isRunning() || !m_intake.writer())
        return;
    Models::whenDone(
        *m_intake.writer(), this,
        [oldName, host](Database &db) -> QString {
            RemoteHostStore store(db);
            auto stored = oldName.isEmpty() ? store.add(host) : store.update(oldName, host);
            return stored ? QString() : stored.error().message;
        },
        [this](const QString &failure) { inventoryChanged(failure); });
}

void PullDialog::removeHost()
{
    const QString name = currentHost();
    if (name.isEmpty() || m_job.isRunning() || !m_intake.writer())
        return;
    if (QMessageBox::question(this, tr("Remove Remote Host"),
                              tr("Remove %1 from the hosts this case pulls from? What was pulled from it stays in the "
                                 "case.")
                                  .arg(name))
        == QMessageBox::Yes)
        removeHostNamed(name);
}

void PullDialog::removeHostNamed(const QString &name)
{
    if (m_job.isRunning() || !m_intake.writer())
        return;
    Models::whenDone(
        *m_intake.writer(), this,
        [name](Database &db) -> QString {
            auto removed = RemoteHostStore(db).remove(name);
            return removed ? QString() : removed.error().message;
        },
        [this](const QString &failure) { inventoryChanged(failure); });
}

void PullDialog::inventoryChanged(const QString &failure)
{
    m_summary->setText(failure); // names the host and the reason; empty when the change was stored
    m_summary->setStyleSheet(failure.isEmpty() ? QString() : QStringLiteral("color: #c01c28;"));
    reload();
}

} // namespace Deck::Gui
