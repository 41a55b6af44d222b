// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectionjob.h"

#include "casesession.h"
#include "database.h"
#include "queryresult.h"

#include <QSettings>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Models {

namespace {

constexpr auto kRulesFolderKey = "detections/rulesFolder";

void runDetections(Database &db, JobLink &link, const QString &folder)
{
    DetectionRelay relay;
    const bool attached = link.attach([&relay](QObject *receiver) {
        auto *job = static_cast<DetectionJob *>(receiver);
        QObject::connect(&relay, &DetectionRelay::started, job, &DetectionJob::onStarted);
        QObject::connect(&relay, &DetectionRelay::progressed, job, &DetectionJob::onProgress);
        QObject::connect(&relay, &DetectionRelay::finished, job, &DetectionJob::onFinished);
    });
    if (!attached)
        return;
    Q_EMIT relay.started();
    DetectionOutcome outcome;
    if (link.cancel.load()) { // cancelled while it waited for the writer (behind an import)
        outcome.cancelled = true;
        Q_EMIT relay.finished(outcome);
        return;
    }
    const DetectionRuleSet set = loadDetectionRules(folder);
    outcome.ruleErrors = set.errors;
    if (auto begun = db.begin(); !begun) {
        outcome.error = begun.error().message;
    } else {
        auto run = Detector(db, set.rules).run({}, [&](int rule, int rules, const QString &name) {
            Q_EMIT relay.progressed(rule, rules, name);
            return !link.cancel.load();
        });
        if (!run) {
            db.rollback();
            outcome.cancelled = link.cancel.load();
            outcome.error = outcome.cancelled ? QString() : run.error().message;
        } else if (auto committed = db.commit(); !committed) {
            outcome.error = committed.error().message;
        } else {
            outcome.rules = run->rules;
            outcome.matched = run->matched;
            outcome.raised = int(run->raised.size());
        }
    }
    Q_EMIT relay.finished(outcome);
}

} // namespace

QString rulesFolder()
{
    const QString chosen = QSettings().value(QLatin1StringView(kRulesFolderKey)).toString();
    return chosen.isEmpty() ? defaultRulesFolder() : chosen;
}

void setRulesFolder(const QString &folder)
{
    QSettings().setValue(QLatin1StringView(kRulesFolderKey), folder);
}

DetectionJob::DetectionJob(CaseSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

DetectionJob::~DetectionJob()
{
    if (m_link)
        m_link->detach();
}

bool DetectionJob::start(const QString &folder)
{
    CaseWorker *writer = m_session.writer();
    if (m_running || !m_session.isOpen() || !writer)
        return false;
    m_link = std::make_shared<JobLink>(this);
    m_running = true;
    // On the case's one writer: behind an import or pull in progress, never beside it (its transaction would meet
    // theirs as "database is locked").
    // The job reports its own end; a writer without a case (closing meanwhile) skips it.
    whenFinished(
        writer->run([link = m_link, folder](Database &db) { runDetections(db, *link, folder); }), this, [] {},
        [this, link = m_link] {
            if (link == m_link && m_running)
                onFinished({true, {}, {}, 0, 0, 0});
        });
    return true;
}

void DetectionJob::cancel()
{
    if (m_link)
        m_link->cancel.store(true);
}

void DetectionJob::onStarted()
{
    Q_EMIT started();
}

void DetectionJob::onProgress(int rule, int rules, const QString &name)
{
    Q_EMIT progressed(rule, rules, name);
}

void DetectionJob::onFinished(const DetectionOutcome &outcome)
{
    m_running = false;
    Q_EMIT finished(outcome);
}

} // namespace Deck::Models
