// SPDX-License-Identifier: GPL-3.0-or-later
#include "pulldialog.h"

#include "intaketext.h"
#include "sshpullerror.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Deck::Core;
using namespace Deck::Pull;
using Flight::SshPull::SshReason;

namespace Deck::Gui {

namespace {
const QColor kDone(0x1b, 0x7f, 0x3a);
const QColor kError(0xc0, 0x1c, 0x28);
const QColor kDecision(0xb3, 0x5c, 0x00);

// The message without "name (address port N): " in front: the row names the host already.
QString withoutHost(const QString &host, const QString &message)
{
    if (message.startsWith(host)) {
        const qsizetype colon = message.indexOf(QStringLiteral(": "));
        if (colon > 0 && colon < host.size() + 40)
            return message.mid(colon + 2);
    }
    return message;
}
} // namespace

PullDialog::PullDialog(Models::IntakeService &intake, QWidget *parent)
    : QDialog(parent)
    , m_intake(intake)
    , m_hosts(new QTreeWidget(this))
    , m_archives(new QTreeWidget(this))
    , m_where(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_jobs(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_remove(new QCheckBox(tr("&Remove archives from the hosts once they are in the case"), this))
    , m_add(new QPushButton(tr("&Add..."), this))
    , m_edit(new QPushButton(tr("&Edit..."), this))
    , m_delete(new QPushButton(tr("Re&move"), this))
    , m_acceptKey(new QPushButton(tr("Accept Host &Key..."), this))
    , m_pull(new QPushButton(tr("&Pull"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Pull Archives from Hosts"));
    resize(1100, 620);
    m_hosts->setObjectName(QStringLiteral("pullHosts"));
    m_hosts->setHeaderLabels({tr("Host"), tr("Login"), tr("Progress"), tr("Archives"), tr("Status")});
    m_hosts->setRootIsDecorated(false);
    m_hosts->setUniformRowHeights(true);
    m_hosts->header()->setStretchLastSection(true);
    const QList<int> hostWidths{150, 230, 230, 80}; // host, login, progress, archives
    for (int column = 0; column < hostWidths.size(); ++column)
        m_hosts->setColumnWidth(column, hostWidths.at(column));
    m_archives->setObjectName(QStringLiteral("pullArchives"));
    m_archives->setHeaderLabels(outcomeColumns());
    m_archives->setRootIsDecorated(false);
    m_archives->setUniformRowHeights(true);
    m_archives->header()->setStretchLastSection(true);
    const QList<int> archiveWidths{150, 220, 150, 50, 80};
    for (int column = 0; column < archiveWidths.size(); ++column)
        m_archives->setColumnWidth(column, archiveWidths.at(column));
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("pullSummary"));
    m_acceptKey->setObjectName(QStringLiteral("acceptHostKey"));
    m_problems->setObjectName(QStringLiteral("pullProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->hide();

    QSettings settings;
    m_jobs->setRange(1, 64);
    m_jobs->setValue(settings.value(QStringLiteral("pull/jobs"), 4).toInt());
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.value(QStringLiteral("pull/timeout"), 30).toInt());
    m_remove->setChecked(settings.value(QStringLiteral("pull/remove"), false).toBool());

    auto *inventoryButtons = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_delete, m_acceptKey})
        inventoryButtons->addWidget(button);
    inventoryButtons->addStretch();
    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Hosts at once:"), this));
    options->addWidget(m_jobs);
    options->addSpacing(16);
    options->addWidget(new QLabel(tr("Timeout:"), this));
    options->addWidget(m_timeout);
    options->addSpacing(16);
    options->addWidget(m_remove);
    options->addStretch();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_pull);
    bottom->addWidget(m_close);
    m_pull->setDefault(true);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("Remote hosts of this case (check the ones to pull):"), this));
    topLayout->addWidget(m_hosts, 1);
    topLayout->addWidget(m_problems);
    topLayout->addLayout(inventoryButtons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_archives);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(options);
    layout->addWidget(m_where);
    layout->addLayout(bottom);

    connect(m_add, &QPushButton::clicked, this, [this] { editHost(true); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editHost(false); });
    connect(m_hosts, &QTreeWidget::itemDoubleClicked, this, [this] { editHost(false); });
    connect(m_delete, &QPushButton::clicked, this, &PullDialog::removeHost);
    connect(m_acceptKey, &QPushButton::clicked, this, &PullDialog::askAcceptHostKey);
    connect(m_pull, &QPushButton::clicked, this, &PullDialog::pullChecked);
    connect(m_close, &QPushButton::clicked, this, &PullDialog::reject);
    connect(m_hosts, &QTreeWidget::currentItemChanged, this, &PullDialog::updateButtons);
    connect(m_hosts, &QTreeWidget::itemChanged, this, &PullDialog::updateButtons);
    connect(&m_job, &Models::PullJob::hostStarted, this, &PullDialog::showHostStarted);
    connect(&m_job, &Models::PullJob::progressed, this, &PullDialog::showProgress);
    connect(&m_job, &Models::PullJob::noticed, this, [this](const QString &host, const QString &text) {
        if (auto *row = m_rows.value(host))
            row->setToolTip(StatusColumn, row->toolTip(StatusColumn) + QLatin1Char('\n') + text);
    });
    connect(&m_job, &Models::PullJob::archiveDone, this, &PullDialog::showArchive);
    connect(&m_job, &Models::PullJob::hostFinished, this, &PullDialog::showHostFinished);
    connect(&m_job, &Models::PullJob::finished, this, &PullDialog::showFinished);
    m_job.setPassphraseAsker([this](const QString &keyFile) -> std::optional<QByteArray> {
        bool ok = false;
        const QString text
            = QInputDialog::getText(this, tr("Key Passphrase"), tr("Passphrase for the key %1:").arg(keyFile),
                                    QLineEdit::Password, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return text.toUtf8();
    });

    m_where->setText(tr("Host keys are checked against %1 (no other known_hosts is read). Archives are kept in %2.")
                         .arg(m_intake.knownHostsFile(), m_intake.downloadDir()));
    reload();
}

PullDialog::~PullDialog()
{
    QSettings settings;
    settings.setValue(QStringLiteral("pull/jobs"), m_jobs->value());
    settings.setValue(QStringLiteral("pull/timeout"), m_timeout->value());
    settings.setValue(QStringLiteral("pull/remove"), m_remove->isChecked());
}

QProgressBar *PullDialog::progressBar(const QString &host) const
{
    auto *row = m_rows.value(host);
    return row ? qobject_cast<QProgressBar *>(m_hosts->itemWidget(row, ProgressColumn)) : nullptr;
}

QString PullDialog::statusText(const QString &host) const
{
    auto *row = m_rows.value(host);
    return row ? row->text(StatusColumn) : QString();
}

QString PullDialog::currentHost() const
{
    return m_hosts->currentItem() ? m_hosts->currentItem()->text(HostColumn) : QString();
}

void PullDialog::setChecked(const QStringList &hosts)
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        it.value()->setCheckState(HostColumn, hosts.contains(it.key()) ? Qt::Checked : Qt::Unchecked);
}

void PullDialog::updateButtons()
{
    const bool idle = !m_job.isRunning();
    const bool any = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                 [](const QTreeWidgetItem *row) { return row->checkState(HostColumn) == Qt::Checked; });
    m_pull->setEnabled(idle && any && m_intake.writer());
    m_add->setEnabled(idle);
    m_edit->setEnabled(idle && !currentHost().isEmpty());
    m_delete->setEnabled(idle && !currentHost().isEmpty());
    m_acceptKey->setEnabled(idle && m_unknownKeys.contains(currentHost()));
    m_jobs->setEnabled(idle);
    m_timeout->setEnabled(idle);
    m_remove->setEnabled(idle);
    m_close->setText(idle ? tr("Close") : tr("Cancel"));
}

void PullDialog::setStatus(const QString &host, const QString &text, const QColor &color, const QString &tip)
{
    auto *row = m_rows.value(host);
    if (!row)
        return;
    row->setText(StatusColumn, text);
    row->setForeground(StatusColumn, color.isValid() ? QBrush(color) : m_hosts->palette().text());
    row->setToolTip(StatusColumn, tip.isEmpty() ? text : tip);
}

void PullDialog::pullChecked()
{
    QStringList hosts;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it.value()->checkState(HostColumn) == Qt::Checked)
            hosts.append(it.key());
    }
    if (!hosts.isEmpty())
        startPull(hosts, {});
}

void PullDialog::acceptHostKey(const QString &host, const QString &fingerprint)
{
    startPull({host}, {fingerprint});
}

void PullDialog::startPull(const QStringList &hosts, const QStringList &acceptedFingerprints)
{
    if (!m_intake.writer() || m_job.isRunning())
        return;
    PullOptions options;
    options.knownHostsFile = m_intake.knownHostsFile();
    options.downloadDir = m_intake.downloadDir();
    options.acceptNewFingerprints = acceptedFingerprints;
    options.jobs = m_jobs->value();
    options.timeoutMs = m_timeout->value() * 1000;
    options.removeAfterImport = m_remove->isChecked();
    options.import = m_intake.session().importOptions();
    for (const QString &host : hosts) {
        m_unknownKeys.remove(host);
        if (auto *bar = progressBar(host)) {
            bar->setValue(0);
            bar->setFormat(QString());
        }
        setStatus(host, tr("waiting"), {});
        m_rows.value(host)->setText(FilesColumn, QString());
    }
    showProblems();
    m_summary->setText(tr("Pulling from %n hosts ...", "", int(hosts.size())));
    m_job.start(*m_intake.writer(), hosts, options);
    updateButtons();
}

void PullDialog::showHostStarted(const QString &host)
{
    setStatus(host, tr("connecting ..."), {});
}

void PullDialog::showProgress(const PullProgress &p)
{
    if (auto *bar = progressBar(p.host)) {
        bar->setValue(p.bytesTotal > 0 ? int(p.bytesDone * 1000 / p.bytesTotal) : (p.filesTotal == 0 ? 1000 : 0));
        bar->setFormat(tr("%1 of %2").arg(byteText(p.bytesDone), byteText(p.bytesTotal)));
    }
    if (auto *row = m_rows.value(p.host))
        row->setText(FilesColumn, tr("%1 / %2").arg(p.filesDone).arg(p.filesTotal));
    setStatus(p.host, p.file.isEmpty() ? tr("listing and importing ...") : tr("downloading %1").arg(p.file), {});
}

void PullDialog::showArchive(const QString &host, const ImportOutcome &outcome)
{
    Q_UNUSED(host);
    auto *item = new QTreeWidgetItem(m_archives);
    fillOutcomeRow(item, outcome);
    m_archives->scrollToItem(item);
}

void PullDialog::showHostFinished(const HostPullReport &r)
{
    if (!r.failure) {
        QString text = tr("done: %n downloaded", "", r.downloaded);
        if (r.alreadyInCase > 0)
            text += tr(", %n in the case already", "", r.alreadyInCase);
        if (r.removed > 0)
            text += tr(", %n removed from the host", "", r.removed);
        if (!r.rejected.isEmpty())
            text += tr(", %n outbox entries left alone", "", int(r.rejected.size()));
        const bool allInCase = std::all_of(r.outcomes.cbegin(), r.outcomes.cend(),
                                           [](const ImportOutcome &o) { return o.exitCode() == 0; });
        if (!allInCase)
            text += tr(" - some archives were not imported (see below)");
        setStatus(r.host, text, allInCase ? kDone : kDecision, r.rejected.join(QLatin1Char('\n')));
        if (auto *bar = progressBar(r.host); bar && bar->value() < 1000 && r.downloaded == 0) {
            bar->setValue(1000);
            bar->setFormat(tr("nothing new"));
        }
        return;
    }
    if (auto *bar = progressBar(r.host); bar && bar->value() == 0)
        bar->setFormat(tr("not pulled"));
    const Flight::Error &error = *r.failure;
    const QString detail = withoutHost(r.host, error.message);
    if (Flight::SshPull::reasonOf(error) == SshReason::UnknownHostKey) {
        const QString fingerprint = fingerprintsIn(error.message).value(0);
        m_unknownKeys.insert(r.host, fingerprint);
        setStatus(
            r.host,
            tr("unknown host key %1: not logged in; compare it on the host, then Accept Host Key...").arg(fingerprint),
            kDecision, error.message);
    } else if (Flight::SshPull::reasonOf(error) == SshReason::ChangedHostKey) {
        const QStringList prints = fingerprintsIn(error.message);
        setStatus(r.host,
                  tr("REFUSED: the host key changed: it presents %1, the case's known_hosts holds %2")
                      .arg(prints.value(0), prints.mid(1).join(tr(", "))),
                  kError, error.message);
    } else {
        setStatus(r.host, tr("%1: %2").arg(pullFailureText(error), detail), kError, error.message);
    }
    showProblems();
    updateButtons();
}

void PullDialog::showProblems()
{
    QStringList lines;
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = m_hosts->topLevelItem(i);
        const QString host = row->text(HostColumn);
        if (m_unknownKeys.contains(host) || row->foreground(StatusColumn).color() == kError)
            lines.append(
                QStringLiteral("<b>%1</b>: %2").arg(host.toHtmlEscaped(), row->text(StatusColumn).toHtmlEscaped()));
    }
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->setVisible(!lines.isEmpty());
}

void PullDialog::showFinished(const QString &error, bool cancelled)
{
    int failed = 0;
    int archives = 0;
    for (const HostPullReport &r : m_job.reports()) {
        failed += r.failure ? 1 : 0;
        archives += int(r.outcomes.size());
    }
    for (QTreeWidgetItem *row : std::as_const(m_rows)) {
        if (row->text(StatusColumn) == tr("waiting"))
            setStatus(row->text(HostColumn), tr("not started: cancelled"), {});
    }
    if (!error.isEmpty())
        m_summary->setText(error);
    else if (cancelled)
        m_summary->setText(tr("Cancelled. Partial downloads are kept as .part and resumed next time; the archive being "
                              "imported was rolled back."));
    else
        m_summary->setText(
            tr("%n hosts: %1 pulled, %2 not (see above); %3 archives handled.", "", int(m_job.reports().size()))
                .arg(int(m_job.reports().size()) - failed)
                .arg(failed)
                .arg(archives));
    if (!m_unknownKeys.isEmpty())
        m_summary->setText(
            m_summary->text() + u' '
            + tr("%n hosts present an unknown key and wait for your decision.", "", int(m_unknownKeys.size())));
    updateButtons();
}

void PullDialog::askAcceptHostKey()
{
    const QString host = currentHost();
    const QString fingerprint = m_unknownKeys.value(host);
    if (fingerprint.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Unknown Host Key"),
                    tr("%1 presents a host key that the case does not know:").arg(host), QMessageBox::NoButton, this);
    box.setInformativeText(
        tr("<p><b><tt>%1</tt></b></p><p>Compare it with what the host itself shows (run <tt>ssh-keygen -lf "
           "/etc/ssh/ssh_host_ed25519_key.pub</tt> on its console). Accept it only if both are the same: the key is "
           "then added to %2 and the host is pulled.</p>")
            .arg(fingerprint.toHtmlEscaped(), m_intake.knownHostsFile().toHtmlEscaped()));
    auto *accept = box.addButton(tr("Accept This Key and Pull"), QMessageBox::AcceptRole);
    box.addButton(tr("Do Not Accept"), QMessageBox::RejectRole);
    box.setDefaultButton(qobject_cast<QPushButton *>(box.buttons().constLast()));
    box.exec();
    if (box.clickedButton() == accept)
        acceptHostKey(host, fingerprint);
}

void PullDialog::reject()
{
    if (m_job.isRunning()) {
        m_job.cancel();
        m_summary->setText(tr("Cancelling: every session is shut down ..."));
        return;
    }
    QDialog::reject();
}

} // namespace Deck::Gui
