// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane of a detection rule's (or indicator's) alert on the Integrity and alerts page: its title,
// severity, host, time and triage, what matched, the rule's description from the rules folder (what it means and
// how to triage it), and its evidence — each object one line and a link: activating it selects the object through
// the SelectionHub (its process and host, a file's path, and a minute around its time), so every view shows it.
// The evidence and the rule are read on the case's worker; a stale answer (another alert was selected meanwhile) is
// dropped. Every text from the case or a rule file is HTML-escaped.
// Thread: the GUI thread.
#pragma once

#include "integrityqueries.h"
#include "objectfacts.h"

#include <QObject>

class QTextBrowser;
class QUrl;

namespace Deck::Models {
class CaseSession;
}

namespace Deck::Gui {

class RuleAlertDetail : public QObject
{
    Q_OBJECT
public:
    RuleAlertDetail(Models::CaseSession &session, QTextBrowser *view, QObject *parent = nullptr);

    void show(const Core::AlertRow &alert);
    // The evidence shown (after it loaded), in order.
    const QList<Core::ObjectFacts> &evidence() const { return m_evidence; }
    // Selects evidence item `index` through the SelectionHub.
    void activate(int index);

Q_SIGNALS:
    void evidenceShown();

private:
    void render(const Core::AlertRow &alert, const QString &description, const QString &problem);
    void openLink(const QUrl &url);

    Models::CaseSession &m_session;
    QTextBrowser *m_view;
    QList<Core::ObjectFacts> m_evidence;
    quint64 m_generation = 0;
};

} // namespace Deck::Gui
