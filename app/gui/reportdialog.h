// SPDX-License-Identifier: GPL-3.0-or-later
// The incident report of the open case in a print preview (print, page set-up, zoom) with "Save as PDF or HTML...".
// start() reads the report on a worker of its own (a progress dialog with Cancel meanwhile), lays it out on the GUI
// thread and shows the preview; the preview paints through reportwriter.h's paintReport (headers, page numbers).
// Saving writes the file on the GUI thread (through FILE.part and a rename) and enters it in the case's audit log on
// the worker. The main window opens it from Case > Incident Report (Ctrl+P).
// Thread: the GUI thread. The dialog deletes itself when closed.
#pragma once

#include "casesession.h"
#include "reportdata.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <memory>

class QProgressDialog;
class QTextDocument;

namespace Deck::Gui {

class ReportDialog : public QPrintPreviewDialog
{
    Q_OBJECT
public:
    // Starts reading the report of `session`'s case; the dialog shows itself when it is ready, or reports the
    // failure in a message box (and through failed()) and deletes itself.
    static ReportDialog *start(Models::CaseSession &session, const Report::ReportOptions &options,
                               QWidget *parent = nullptr);
    ~ReportDialog() override;

    // Writes the report to `path` (.pdf or .html) and audits it; returns the error (file and reason), or empty.
    QString saveTo(const QString &path);
    const QTextDocument *document() const { return m_document.get(); }

Q_SIGNALS:
    void ready(); // the report is read and the preview is showing
    void failed(const QString &message);

private:
    ReportDialog(std::unique_ptr<Models::CaseWorker> worker, QWidget *parent);
    void collect(const Report::ReportOptions &options);
    void collected();
    void saveAs();
    void paint(QPrinter *printer);

    std::unique_ptr<Models::CaseWorker> m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<Core::Expected<Report::ReportData>> m_collecting;
    QPointer<QProgressDialog> m_progress;
    std::optional<Report::ReportData> m_data;
    std::unique_ptr<QTextDocument> m_document;
};

} // namespace Deck::Gui
