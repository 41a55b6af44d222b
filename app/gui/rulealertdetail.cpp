// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulealertdetail.h"

#include "alertwriter.h"
#include "bytetext.h"
#include "casesession.h"
#include "detectionjob.h"
#include "integritytext.h"

#include <QFutureWatcher>
#include <QTextBrowser>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {

struct Loaded
{
    QList<Core::ObjectFacts> evidence;
    QString description;
    QString problem;
};

QString objectWords(const Core::ObjectFacts &facts)
{
    const QString who = facts.pid ? RuleAlertDetail::tr("%1 (pid %2)").arg(facts.comm).arg(*facts.pid) : QString();
    switch (facts.object.type) {
    case Core::ObjectType::Process:
        return RuleAlertDetail::tr("process %1 %2").arg(who, facts.what);
    case Core::ObjectType::FileEvent:
        return RuleAlertDetail::tr("file %1 %2 by %3").arg(facts.what, Core::displayBytes(facts.path), who);
    case Core::ObjectType::NetEvent:
        return RuleAlertDetail::tr("network %1 %2 by %3").arg(facts.what, facts.extra, who);
    case Core::ObjectType::StateChange:
        return RuleAlertDetail::tr("integrity change of %1 (%2)").arg(facts.what, facts.extra);
    default:
        return RuleAlertDetail::tr("%1 #%2").arg(Core::objectTypeName(facts.object.type)).arg(facts.object.id);
    }
}

} // namespace

RuleAlertDetail::RuleAlertDetail(Models::CaseSession &session, QTextBrowser *view, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_view(view)
{
    connect(m_view, &QTextBrowser::anchorClicked, this, &RuleAlertDetail::openLink);
}

void RuleAlertDetail::show(const Core::AlertRow &alert)
{
    const quint64 generation = ++m_generation;
    m_evidence.clear();
    render(alert, {}, tr("Loading the evidence..."));
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation, alert] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->isCanceled())
            return;
        const Loaded loaded = watcher->result();
        m_evidence = loaded.evidence;
        render(alert, loaded.description, loaded.problem);
        Q_EMIT evidenceShown();
    });
    const QString folder = Models::rulesFolder();
    watcher->setFuture(m_session.worker().run([alertId = alert.id, rule = alert.rule, folder](Core::Database &db) {
        Loaded loaded;
        auto rows = Core::alertEvidence(db, alertId);
        if (!rows) {
            loaded.problem = rows.error().message;
            return loaded;
        }
        QList<Core::ObjectRef> objects;
        for (const Core::AlertEvidenceRow &row : std::as_const(*rows))
            objects << row.object;
        auto facts = Core::objectFacts(db, objects);
        if (!facts)
            loaded.problem = facts.error().message;
        else
            loaded.evidence = *facts;
        const Core::DetectionRuleSet set = Core::loadDetectionRules(folder);
        for (const Core::DetectionRule &one : set.rules) {
            if (one.name == rule)
                loaded.description = one.description;
        }
        if (loaded.description.isEmpty())
            loaded.description = tr("The rule \u201c%1\u201d is not in the rules folder %2.").arg(rule, folder);
        return loaded;
    }));
}

void RuleAlertDetail::render(const Core::AlertRow &alert, const QString &description, const QString &problem)
{
    QString html = u"<h3>%1</h3><p><b>%2</b> &middot; %3 &middot; %4 &middot; %5</p>"_s.arg(
        alert.title.toHtmlEscaped(), Models::severityText(alert.severity).toHtmlEscaped(),
        tr("rule %1").arg(alert.rule).toHtmlEscaped(), alert.hostname.toHtmlEscaped(),
        Models::fullTime(alert.ts).toHtmlEscaped());
    html += u"<p>%1 %2</p>"_s.arg(tr("Triage:").toHtmlEscaped(), Models::triageText(alert.triage).toHtmlEscaped());
    html += u"<p><b>%1</b> %2</p>"_s.arg(tr("Matched:").toHtmlEscaped(), alert.ruleDetail.toHtmlEscaped());
    if (!description.isEmpty())
        html += u"<p>%1</p>"_s.arg(description.toHtmlEscaped().replace(u'\n', u' '));
    html += u"<h4>%1</h4>"_s.arg(tr("Evidence").toHtmlEscaped());
    if (!problem.isEmpty())
        html += u"<p>%1</p>"_s.arg(problem.toHtmlEscaped());
    html += u"<ol>"_s;
    for (qsizetype i = 0; i < m_evidence.size(); ++i) {
        const Core::ObjectFacts &facts = m_evidence.at(i);
        const QString time = facts.ts ? Models::tableTime(*facts.ts) + u"  "_s : QString();
        html += facts.exists ? u"<li><a href=\"evidence:%1\">%2%3</a></li>"_s.arg(i).arg(
                    time.toHtmlEscaped(), objectWords(facts).toHtmlEscaped())
                             : u"<li>%1</li>"_s.arg(tr("%1 (not in the case)").arg(objectWords(facts)).toHtmlEscaped());
    }
    html += u"</ol><p style=\"color:#555\">%1</p>"_s.arg(
        tr("Click an evidence item to select its process, host and time in every view.").toHtmlEscaped());
    m_view->setHtml(html);
}

void RuleAlertDetail::openLink(const QUrl &url)
{
    if (url.scheme() != "evidence"_L1)
        return;
    bool ok = false;
    const int index = url.path().toInt(&ok);
    if (ok)
        activate(index);
}

void RuleAlertDetail::activate(int index)
{
    if (index < 0 || index >= m_evidence.size())
        return;
    const Core::ObjectFacts &facts = m_evidence.at(index);
    Models::SelectionHub &hub = m_session.selection();
    if (facts.hostId)
        hub.setHost(*facts.hostId);
    if (facts.processId && facts.hostId)
        hub.setProcess(*facts.processId, *facts.hostId);
    if (facts.object.type == Core::ObjectType::FileEvent && !facts.path.isEmpty())
        hub.setPath(facts.path);
    if (facts.ts) {
        constexpr qint64 kMinute = 60'000'000'000;
        hub.setTimeRange({*facts.ts - kMinute / 2, *facts.ts + kMinute / 2});
    }
}

} // namespace Deck::Gui
