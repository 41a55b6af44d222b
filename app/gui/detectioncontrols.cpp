// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectioncontrols.h"

#include "casesession.h"

#include <QAction>
#include <QBoxLayout>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QToolButton>

namespace Deck::Gui {

DetectionControls::DetectionControls(Models::CaseSession &session, QBoxLayout *row, QWidget *parent)
    : QObject(parent)
    , m_session(session)
    , m_parent(parent)
    , m_job(session)
{
    m_run = new QAction(tr("Run &Detections"), parent);
    m_run->setObjectName(QStringLiteral("runDetections"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_run->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_run->setToolTip(tr("Evaluate the detection rules of the rules folder over the whole case (Ctrl+Shift+D); "
                         "an alert already raised is not raised again"));
    m_run->setEnabled(session.isOpen());
    parent->addAction(m_run);
    auto *runButton = new QToolButton(parent);
    runButton->setDefaultAction(m_run);
    auto *folderButton = new QToolButton(parent);
    folderButton->setText(tr("Rules Folder..."));
    folderButton->setToolTip(tr("Choose the folder of detection rules (*.rule) used by Run Detections and by imports"));
    row->addWidget(runButton);
    row->addWidget(folderButton);
    connect(m_run, &QAction::triggered, this, &DetectionControls::run);
    connect(folderButton, &QToolButton::clicked, this, &DetectionControls::chooseFolder);
    connect(&session, &Models::CaseSession::opened, m_run, [this] { m_run->setEnabled(!m_job.isRunning()); });
    connect(&session, &Models::CaseSession::closed, m_run, [this] { m_run->setEnabled(false); });
    connect(&m_job, &Models::DetectionJob::progressed, this, [this](int rule, int rules, const QString &name) {
        if (!m_progress)
            return;
        m_progress->setMaximum(rules);
        m_progress->setValue(rule);
        m_progress->setLabelText(tr("Evaluating rule %1 of %2: %3").arg(rule + 1).arg(rules).arg(name));
    });
    connect(&m_job, &Models::DetectionJob::started, this, [this] {
        if (m_progress)
            m_progress->setLabelText(tr("Loading the rules of %1...").arg(m_folder));
    });
    connect(&m_job, &Models::DetectionJob::finished, this, &DetectionControls::finish);
}

void DetectionControls::run()
{
    const QString folder = Models::rulesFolder();
    if (folder.isEmpty()) {
        m_lastMessage = tr("No rules folder: choose one with Rules Folder...");
        if (m_interactive)
            QMessageBox::warning(m_parent, tr("Run Detections"), m_lastMessage);
        return;
    }
    if (!m_job.start(folder))
        return;
    m_run->setEnabled(false);
    m_folder = folder;
    // Run on the case's one writer: behind an import or pull in progress until it ends.
    m_progress
        = new QProgressDialog(tr("Waiting for the import or pull in progress to end..."), tr("Cancel"), 0, 0, m_parent);
    m_progress->setWindowTitle(tr("Run Detections"));
    m_progress->setMinimumDuration(300);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_progress, &QProgressDialog::canceled, &m_job, &Models::DetectionJob::cancel);
}

void DetectionControls::chooseFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(m_parent, tr("Detection Rules Folder"), Models::rulesFolder());
    if (!folder.isEmpty())
        Models::setRulesFolder(folder);
}

void DetectionControls::finish(const Models::DetectionOutcome &outcome)
{
    if (m_progress) {
        m_progress->disconnect(); // closing emits canceled(): not to the job, which has ended
        m_progress->close();
        m_progress = nullptr;
    }
    m_run->setEnabled(m_session.isOpen());
    if (outcome.cancelled)
        m_lastMessage = tr("Detections cancelled; no alert of the run was kept.");
    else if (!outcome.error.isEmpty())
        m_lastMessage = tr("Detections failed: %1").arg(outcome.error);
    else
        m_lastMessage = tr("%1 rules evaluated: %2 objects match, %3 new alerts.")
                            .arg(outcome.rules)
                            .arg(outcome.matched)
                            .arg(outcome.raised);
    if (!outcome.ruleErrors.isEmpty())
        m_lastMessage += u'\n' + tr("Rule files skipped:") + u'\n' + outcome.ruleErrors.join(u'\n');
    Q_EMIT runFinished();
    if (m_interactive) {
        if (outcome.error.isEmpty() && outcome.ruleErrors.isEmpty())
            QMessageBox::information(m_parent, tr("Run Detections"), m_lastMessage);
        else
            QMessageBox::warning(m_parent, tr("Run Detections"), m_lastMessage);
    }
}

} // namespace Deck::Gui
