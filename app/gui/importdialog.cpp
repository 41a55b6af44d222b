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

ImportDialog::ImportDialog(Models::CaseWorker &writer, const QStringList &paths, QWidget *parent)
    : QDialog(parent)
    , m_paths(paths)
    , m_heading(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_detail(new QLabel(this))
    , m_results(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Archives"));
    resize(900, 480);
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
    const QList<int> widths{150, 220, 150, 50, 80};
    for (int column = 0; column < widths.size(); ++column)
        m_results->setColumnWidth(column, widths.at(column));
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("importSummary"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    connect(&m_job, &Models::ImportJob::progressed, this, &ImportDialog::showProgress);
    connect(&m_job, &Models::ImportJob::archiveDone, this, &ImportDialog::addOutcome);
    connect(&m_job, &Models::ImportJob::finished, this, &ImportDialog::showFinished);
    m_job.start(writer, paths);
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
    m_bar->setRange(0, std::max(p.archivesTotal, 1));
    m_bar->setValue(p.archivesDone);
    m_bar->setFormat(tr("%1 of %2 archives").arg(p.archivesDone).arg(p.archivesTotal));
    if (m_job.isCancelled())
        return;
    m_detail->setText(p.currentFile.isEmpty() ? tr("%1 of %2").arg(byteText(p.bytesDone), byteText(p.bytesTotal))
                                              : tr("%1 of %2 - now: %3")
                                                    .arg(byteText(p.bytesDone), byteText(p.bytesTotal),
                                                         QFileInfo(p.currentFile).fileName()));
}

void ImportDialog::addOutcome(const ImportOutcome &outcome)
{
    auto *item = new QTreeWidgetItem(m_results);
    fillOutcomeRow(item, outcome);
    m_results->scrollToItem(item);
}

QString ImportDialog::summary() const
{
    QMap<QString, int> counts;
    for (const ImportOutcome &o : m_job.outcomes())
        ++counts[outcomeText(o.status)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(tr("%1 %2").arg(it.value()).arg(it.key()));
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
        item->setText(5, tr("not started: the import was cancelled before it"));
    }
    if (m_bar->maximum() == 0) { // nothing was found (or the case went away): no busy indicator forever
        m_bar->setRange(0, 1);
        m_bar->setValue(0);
        m_bar->setFormat(tr("no archives"));
    }
    m_detail->setText(cancelled ? tr("Cancelled. The case holds only whole archives: the one being imported was rolled "
                                     "back, the ones after it were not started.")
                                : tr("Done."));
    m_summary->setText(QStringLiteral("<b>%1</b>").arg(summary().toHtmlEscaped()));
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
}

} // namespace Deck::Gui
