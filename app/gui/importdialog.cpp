// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "intaketext.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Deck::Core;

namespace Deck::Gui {

ImportDialog::ImportDialog(Models::CaseWorker &writer, const QStringList &paths, QWidget *parent,
                           const Core::ImportOptions &options)
    : QDialog(parent)
    , m_paths(paths)
    , m_heading(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_detail(new QLabel(this))
    , m_results(new QTreeWidget(this))
    , m_selected(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Archives"));
    resize(1100, 520);
    m_heading->setWordWrap(true);
    m_heading->setText(paths.size() == 1
                           ? tr("Looking for archives in %1 ...").arg(paths.constFirst())
                           : tr("Looking for archives in %n files and folders ...", "", int(paths.size())));
    m_bar->setRange(0, 0);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_results->setObjectName(QStringLiteral("importResults"));
    m_results->setHeaderLabels(outcomeColumns());
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAlternatingRowColors(true);
    m_results->header()->setStretchLastSection(true);
    const QList<int> widths{130, 210, 150, 45, 70};
    for (int column = 0; column < widths.size(); ++column)
        m_results->setColumnWidth(column, widths.at(column));
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_selected->setWordWrap(true);
    m_selected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_selected->setObjectName(QStringLiteral("selectedOutcome"));
    connect(m_results, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_selected->setText(item ? item->toolTip(5) : QString()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_selected);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    connect(&m_job, &Models::ImportJob::progressed, this, &ImportDialog::showProgress);
    connect(&m_job, &Models::ImportJob::archiveDone, this, &ImportDialog::addOutcome);
    connect(&m_job, &Models::ImportJob::finished, this, &ImportDialog::showFinished);
    m_job.start(writer, paths, options);
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::reject()
{
    if (m_job.isRunning()) {
        m_job.cancel();
        m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
        m_detail->setText(tr("Cancelling: the archive being imported is rolled back, no other is started ..."));
        return;
    }
    QDialog::reject();
}

void ImportDialog::showProgress(const Models::ImportJobProgress &p)
{
    const QString from = m_paths.size() == 1 ? m_paths.constFirst() : tr("%n places", "", int(m_paths.size()));
    m_heading->setText(tr("Importing %n archives (%1) from %2", "", p.archivesTotal).arg(byteText(p.bytesTotal), from));
    // By bytes: on SQLite outcomes come a batch at a time, while the bytes read move on within each archive.
    m_bar->setRange(0, 1000);
    m_bar->setValue(p.bytesTotal > 0 ? int(1000.0 * double(p.bytesDone) / double(p.bytesTotal)) : 0);
    m_bar->setFormat(tr("%1 of %2 archives").arg(p.archivesPassed).arg(p.archivesTotal));
    if (m_job.isCancelled())
        return;
    QString detail = tr("%1 of %2").arg(byteText(p.bytesDone), byteText(p.bytesTotal));
    if (!p.reading.isEmpty())
        detail += tr(" - now: %1").arg(p.reading.join(QStringLiteral(", ")));
    if (p.archivesPassed > p.archivesDone)
        detail += tr(" - %n not committed yet", "", p.archivesPassed - p.archivesDone);
    m_detail->setText(detail);
}

void ImportDialog::addOutcome(const ImportOutcome &outcome)
{
    auto *item = new QTreeWidgetItem(m_results);
    fillOutcomeRow(item, outcome);
    m_results->scrollToItem(item);
}

QString ImportDialog::summary() const
{
    QList<std::pair<QString, int>> counts; // in the order of ImportStatus: imported first
    QMap<ImportStatus, int> byStatus;
    for (const ImportOutcome &o : m_job.outcomes())
        ++byStatus[o.status];
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
        const QString text = outcomeText(it.key()); // quarantined and already held are both "held for trust"
        if (!counts.isEmpty() && counts.constLast().first == text)
            counts.last().second += it.value();
        else
            counts.append({text, it.value()});
    }
    QStringList parts;
    for (const auto &[text, n] : std::as_const(counts))
        parts.append(tr("%1 %2").arg(n).arg(text));
    if (!m_job.notStarted().isEmpty())
        parts.append(tr("%n not started", "", int(m_job.notStarted().size())));
    if (parts.isEmpty())
        return tr("No .frec archives were found.");
    return parts.join(tr(", "));
}

void ImportDialog::showFinished(bool cancelled)
{
    for (const QString &path : m_job.notStarted()) {
        auto *item = new QTreeWidgetItem(m_results);
        item->setText(0, tr("not imported"));
        item->setForeground(0, outcomeColor(ImportStatus::Cancelled));
        item->setText(1, QFileInfo(path).fileName());
        item->setToolTip(1, path);
        item->setText(5, tr("cancelled before it started"));
        item->setToolTip(5, tr("%1: not imported: the import was cancelled before it started").arg(path));
    }
    if (m_bar->maximum() == 0) { // nothing was found (or the case went away): no busy indicator forever
        m_bar->setRange(0, 1);
        m_bar->setValue(0);
        m_bar->setFormat(tr("no archives"));
    }
    const auto rolledBack = std::find_if(m_job.outcomes().cbegin(), m_job.outcomes().cend(),
                                         [](const ImportOutcome &o) { return o.status == ImportStatus::Cancelled; });
    if (!cancelled)
        m_detail->setText(tr("Done."));
    else if (rolledBack != m_job.outcomes().cend())
        m_detail->setText(
            tr("Cancelled. %1 was being imported and was rolled back; the case holds only whole archives.")
                .arg(QFileInfo(rolledBack->path).fileName()));
    else
        m_detail->setText(tr("Cancelled between two archives; the case holds only whole archives."));
    // The first archive that is not in the case, with its reason in full under the list.
    for (int row = 0; row < m_results->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_results->topLevelItem(row);
        if (item->foreground(0).color() != outcomeColor(ImportStatus::Imported)
            && item->text(0) != outcomeText(ImportStatus::AlreadyImported)) {
            m_results->setCurrentItem(item);
            break;
        }
    }
    m_summary->setText(QStringLiteral("<b>%1</b>").arg(summary().toHtmlEscaped()));
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
}

} // namespace Deck::Gui
