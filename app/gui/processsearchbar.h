// SPDX-License-Identifier: GPL-3.0-or-later
// The search box of the process tree: finds processes whose name, argv, exe or cwd contains the typed text
// (Core::SearchQueries, raw bytes, case-sensitive), 300 ms after the last key, on the case's worker, and steps
// through the matches (Enter next, Shift+Enter previous in the field; the page binds F3 / Shift+F3 to next() and
// previous()), emitting chosen() for each; the page selects and reveals it. An older search's answer is dropped when a
// newer one was started. Thread: the GUI thread.
#pragma once

#include "casesession.h"
#include "searchqueries.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Deck::Gui {

class ProcessSearchBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kLimit = 500;

    explicit ProcessSearchBar(Models::CaseSession &session, QWidget *parent = nullptr);
    ~ProcessSearchBar() override;

    QLineEdit *field() const { return m_field; }
    // The host searched (std::nullopt: every host).
    void setHost(std::optional<qint64> hostId);
    const QList<Core::ProcessHit> &hits() const { return m_hits; }
    void next();
    void previous();

Q_SIGNALS:
    void chosen(qint64 processId, qint64 hostId);
    void searched(int hits);

private:
    using Found = Core::Expected<Core::SearchResults>;
    void start();
    void choose(int index);
    void showCount();

    Models::CaseSession &m_session;
    std::optional<qint64> m_host;
    QLineEdit *m_field = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QTimer m_debounce;
    QFutureWatcher<Found> m_searching;
    QList<Core::ProcessHit> m_hits;
    bool m_truncated = false;
    int m_current = -1;
};

} // namespace Deck::Gui
