// SPDX-License-Identifier: GPL-3.0-or-later
// Pulling archives over SSH from the case's remote hosts: the inventory with a check box per host (add, edit and
// remove hosts here), a progress bar per host (bytes, files), each host's error in its row (unreachable, timed out,
// login refused, a changed host key with both fingerprints), the outcome of every archive pulled, and Cancel. A host
// whose key is not in the case's known_hosts is never logged in to silently: its row shows the fingerprint, and only
// "Accept Host Key..." (the fingerprint shown again, to be compared on the host) pulls it with exactly that key.
// Options (hosts at once, timeout, remove after import) are remembered. Thread: the GUI thread.
#pragma once

#include "intakeservice.h"
#include "pulljob.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace Deck::Gui {

class PullDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { HostColumn, LoginColumn, ProgressColumn, FilesColumn, StatusColumn };

    explicit PullDialog(Models::IntakeService &intake, QWidget *parent = nullptr);
    ~PullDialog() override;

    QTreeWidget *hostList() const { return m_hosts; }
    QTreeWidget *archiveList() const { return m_archives; }
    Models::PullJob &job() { return m_job; }
    QProgressBar *progressBar(const QString &host) const;
    QString statusText(const QString &host) const;
    // Hosts whose key is unknown, with the fingerprint they presented (waiting for the analyst's decision).
    const QHash<QString, QString> &unknownHostKeys() const { return m_unknownKeys; }

    // Reads the inventory again (on the case's writer); inventoryLoaded() follows.
    void reload();
    void setChecked(const QStringList &hosts);
    // Pulls the checked hosts.
    void pullChecked();
    // The analyst accepted `fingerprint` for `host` (after comparing it on the host): pulls that host, accepting
    // exactly that key (it is added to the case's known_hosts).
    void acceptHostKey(const QString &host, const QString &fingerprint);
    // Stores `host` in the inventory (added when oldName is empty, else replacing oldName) / removes a host, on the
    // case's writer; the list is read again, and a refusal (names the host and the reason) shown under it.
    void saveHost(const QString &oldName, const Pull::RemoteHost &host);
    void removeHostNamed(const QString &name);

    void reject() override; // Esc, Cancel and Close: while pulling, cancels first (the dialog stays)

Q_SIGNALS:
    void inventoryLoaded();

private:
    void fillInventory(const QList<Pull::RemoteHost> &hosts);
    void startPull(const QStringList &hosts, const QStringList &acceptedFingerprints);
    void showHostStarted(const QString &host);
    void showProgress(const Pull::PullProgress &progress);
    void showHostFinished(const Pull::HostPullReport &report);
    void showArchive(const QString &host, const Core::ImportOutcome &outcome);
    void showFinished(const QString &error, bool cancelled);
    void setStatus(const QString &host, const QString &text, const QColor &color, const QString &tip = {});
    void editHost(bool add);
    void removeHost();
    void inventoryChanged(const QString &failure);
    void askAcceptHostKey();
    void updateButtons();
    void showProblems();
    QString currentHost() const;

    Models::IntakeService &m_intake;
    Models::PullJob m_job;
    QList<Pull::RemoteHost> m_inventory;
    QHash<QString, QTreeWidgetItem *> m_rows;
    QHash<QString, QString> m_unknownKeys;
    QTreeWidget *m_hosts = nullptr;
    QTreeWidget *m_archives = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problems = nullptr; // every failed host's message in full (both fingerprints of a changed key)
    QSpinBox *m_jobs = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_remove = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_acceptKey = nullptr;
    QPushButton *m_pull = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Deck::Gui
