// SPDX-License-Identifier: GPL-3.0-or-later
// Detections from the GUI: the rules folder setting (QSettings "detections/rulesFolder"; empty: the installed
// share/flightdeck/rules) and "Run Detections": the rules of that folder evaluated over the whole case
// (Core::Detector) on the case's one writer (CaseSession::writer(), after the imports queued before it), in one
// transaction. Progress names the rule being evaluated; cancel() stops before the next rule and rolls back, so a
// cancelled run leaves no alert of its own. Rule files that cannot be used are reported in finished() (one line each)
// while the others run.
// Thread: the GUI thread; destroying the job cancels it.
#pragma once

#include "caseworker.h"
#include "detector.h"
#include "joblink.h"

#include <QObject>
#include <memory>

namespace Deck::Models {

class CaseSession;

// The rules folder the GUI uses (the setting, else the installed default; empty when there is neither).
QString rulesFolder();
void setRulesFolder(const QString &folder);

struct DetectionOutcome
{
    bool cancelled = false;
    QString error; // the run failed (nothing of it kept)
    QStringList ruleErrors; // rule files skipped, one line each
    int rules = 0;
    qint64 matched = 0;
    int raised = 0;
};

class DetectionJob : public QObject
{
    Q_OBJECT
public:
    explicit DetectionJob(CaseSession &session, QObject *parent = nullptr);
    ~DetectionJob() override;

    // Starts a run over the open case with the rules of `folder`; false when one is running or no case is open.
    bool start(const QString &folder);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started(); // the writer took the run up (it waits while an import or pull runs there)
    void progressed(int rule, int rules, const QString &name);
    void finished(const Deck::Models::DetectionOutcome &outcome);

public Q_SLOTS: // the worker side's reports, queued to this thread
    void onStarted();
    void onProgress(int rule, int rules, const QString &name);
    void onFinished(const Deck::Models::DetectionOutcome &outcome);

private:
    CaseSession &m_session;
    std::shared_ptr<JobLink> m_link;
    bool m_running = false;
};

// Emits the worker side of a detection run; lives on the worker thread for the length of the run.
class DetectionRelay : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void started();
    void progressed(int rule, int rules, const QString &name);
    void finished(const Deck::Models::DetectionOutcome &outcome);
};

} // namespace Deck::Models
