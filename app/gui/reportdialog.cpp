// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdialog.h"

#include "reportdocument.h"
#include "reportwriter.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrinter>
#include <QProgressDialog>
#include <QTextDocument>
#include <QToolBar>

using namespace Qt::StringLiterals;
using namespace Deck::Report;

namespace Deck::Gui {

ReportDialog *ReportDialog::start(Models::CaseSession &session, const ReportOptions &options, QWidget *parent)
{
    auto *dialog = new ReportDialog(session.openWorker(), parent);
    dialog->collect(options);
    return dialog;
}

ReportDialog::ReportDialog(std::unique_ptr<Models::CaseWorker> worker, QWidget *parent)
    : QPrintPreviewDialog(parent)
    , m_worker(std::move(worker))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Incident report"));
    printer()->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 12, 15, 12),
                                         QPageLayout::Millimeter));
    connect(this, &QPrintPreviewDialog::paintRequested, this, &ReportDialog::paint);
    connect(&m_collecting, &QFutureWatcher<Core::Expected<ReportData>>::finished, this, &ReportDialog::collected);
    if (auto *toolbar = findChild<QToolBar *>()) {
        QAction *save = toolbar->addAction(QIcon::fromTheme(u"document-save-as"_s), tr("Save as PDF or HTML..."));
        save->setShortcut(QKeySequence::SaveAs);
        save->setToolTip(tr("Save the report as a PDF or HTML file (recorded in the case's audit log)"));
        connect(save, &QAction::triggered, this, &ReportDialog::saveAs);
    }
}

// A report still being read stops at its next step; the worker's destructor waits for it.
ReportDialog::~ReportDialog()
{
    m_cancel->store(true);
}

void ReportDialog::collect(const ReportOptions &options)
{
    m_progress = new QProgressDialog(tr("Reading the report from the case..."), tr("Cancel"), 0, 100, parentWidget());
    m_progress->setWindowTitle(tr("Incident report"));
    m_progress->setMinimumDuration(300);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancel] { cancel->store(true); });
    QPointer<QProgressDialog> progress = m_progress;
    const auto cancel = m_cancel;
    m_collecting.setFuture(m_worker->run([options, cancel, progress](Core::Database &db) {
        return collectReport(db, options, cancel.get(), [progress](int percent, const QString &step) {
            QMetaObject::invokeMethod(
                progress,
                [progress, percent, step] {
                    if (!progress)
                        return;
                    progress->setValue(percent);
                    progress->setLabelText(tr("Reading the report from the case: %1...").arg(step));
                },
                Qt::QueuedConnection);
        });
    }));
}

void ReportDialog::collected()
{
    if (m_progress)
        m_progress->close();
    const bool ran = m_collecting.future().resultCount() > 0;
    if (!ran || !m_collecting.result()) {
        const QString message = ran ? m_collecting.result().error().message : tr("The case was closed.");
        const bool cancelled = ran && m_collecting.result().error().code == kReportCancelled;
        if (!cancelled)
            QMessageBox::warning(parentWidget(), tr("Incident report"),
                                 tr("The report could not be made: %1").arg(message));
        Q_EMIT failed(message);
        deleteLater();
        return;
    }
    m_data = m_collecting.result().value();
    m_document = ReportDocument::build(*m_data);
    setWindowTitle(tr("Incident report: %1").arg(m_data->title));
    open();
    Q_EMIT ready();
}

void ReportDialog::paint(QPrinter *printer)
{
    if (m_document)
        paintReport(*m_document, *printer, {m_data->title, m_data->caseName, m_data->generatedTs});
}

QString ReportDialog::saveTo(const QString &path)
{
    if (!m_document)
        return tr("%1: the report is not ready yet").arg(path);
    auto written = writeReportFile(*m_data, *m_document, path);
    if (!written)
        return written.error().message;
    // The audit entry is written on the worker (the database's thread); a failure there is shown when it comes.
    auto *watcher = new QFutureWatcher<Core::Expected<void>>(this);
    connect(watcher, &QFutureWatcher<Core::Expected<void>>::finished, this, [this, watcher] {
        if (watcher->future().resultCount() > 0 && !watcher->result())
            QMessageBox::warning(
                this, tr("Incident report"),
                tr("The report was saved but not entered in the audit log: %1").arg(watcher->result().error().message));
        watcher->deleteLater();
    });
    watcher->setFuture(m_worker->run([data = *m_data, path, written = *written](Core::Database &db) {
        return auditReport(db, data, path, written);
    }));
    return {};
}

void ReportDialog::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save the incident report"), QString(),
                                                tr("PDF (*.pdf);;HTML (*.html *.htm)"));
    if (path.isEmpty())
        return;
    if (!reportFormatFor(path))
        path += u".pdf"_s;
    if (const QString error = saveTo(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Incident report"), error);
}

} // namespace Deck::Gui
