// SPDX-License-Identifier: GPL-3.0-or-later
// Importing files and folders into the open case: an ImportJob on the case's writer, its progress (archives done of
// total, bytes, the current file), Cancel (between archives; the one being imported is rolled back, so the case
// holds only whole archives), and as it goes the outcome of every archive: imported, already imported, held for
// trust, refused and why. At the end a one-line summary; archives a cancel left out are listed as not imported.
// Thread: the GUI thread.
#pragma once

#include "importjob.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTreeWidget;

namespace Deck::Gui {

class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    // `options`: the case key (CaseSession::importOptions()).
    ImportDialog(Models::CaseWorker &writer, const QStringList &paths, QWidget *parent = nullptr,
                 const Core::ImportOptions &options = {});
    ~ImportDialog() override;

    Models::ImportJob &job() { return m_job; }
    QTreeWidget *results() const { return m_results; }
    QString summary() const;

    void reject() override; // Esc, Cancel and Close: while running, cancels first (the dialog stays)

private:
    void showProgress(const Models::ImportJobProgress &progress);
    void addOutcome(const Core::ImportOutcome &outcome);
    void showFinished(bool cancelled);

    Models::ImportJob m_job;
    QStringList m_paths;
    QLabel *m_heading = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_detail = nullptr;
    QTreeWidget *m_results = nullptr;
    QLabel *m_selected = nullptr; // the current row's message in full
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Deck::Gui
