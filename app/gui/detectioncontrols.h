// SPDX-License-Identifier: GPL-3.0-or-later
// "Run Detections" and "Rules Folder..." for the Integrity and alerts page: the buttons, the folder chooser (the
// setting of detectionjob.h), and a run of the rules over the case (Models::DetectionJob) with a progress dialog
// that names the rule being evaluated and cancels the run; at the end, one message with what was raised and each
// rule file that could not be used. runFinished() tells the page to reload its alerts.
// Thread: the GUI thread.
#pragma once

#include "detectionjob.h"

#include <QObject>

class QAction;
class QBoxLayout;
class QProgressDialog;
class QWidget;

namespace Deck::Gui {

class DetectionControls : public QObject
{
    Q_OBJECT
public:
    // Adds the buttons to `row`; dialogs are parented to `parent`.
    DetectionControls(Models::CaseSession &session, QBoxLayout *row, QWidget *parent);

    QAction *runAction() const { return m_run; }
    Models::DetectionJob &job() { return m_job; }
    // The text of the last run's message (for tests and the status).
    const QString &lastMessage() const { return m_lastMessage; }
    // Show the end-of-run message in a message box (off in tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }

Q_SIGNALS:
    void runFinished();

private:
    void run();
    void chooseFolder();
    void finish(const Models::DetectionOutcome &outcome);

    Models::CaseSession &m_session;
    QWidget *m_parent;
    Models::DetectionJob m_job;
    QAction *m_run = nullptr;
    QProgressDialog *m_progress = nullptr;
    QString m_folder; // of the run
    QString m_lastMessage;
    bool m_interactive = true;
};

} // namespace Deck::Gui
