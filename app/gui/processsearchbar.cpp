// SPDX-License-Identifier: GPL-3.0-or-later
#include "processsearchbar.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace Deck::Gui {

ProcessSearchBar::ProcessSearchBar(Models::CaseSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_field(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_field->setPlaceholderText(tr("Find a process by name or command line (Ctrl+F)"));
    m_field->setClearButtonEnabled(true);
    m_field->setMinimumWidth(280);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (F3)"));
    m_count->setMinimumWidth(90);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_count);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &ProcessSearchBar::start);
    connect(m_field, &QLineEdit::textEdited, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            m_debounce.stop();
            m_searching.cancel();
            m_hits.clear();
            m_current = -1;
            showCount();
        }
    });
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (m_debounce.isActive())
            return start(); // Enter before the pause: search now, the first match follows
        if (m_searching.isRunning())
            return;
        (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) ? previous() : next();
    });
    connect(m_previous, &QToolButton::clicked, this, &ProcessSearchBar::previous);
    connect(m_next, &QToolButton::clicked, this, &ProcessSearchBar::next);
    connect(&m_searching, &QFutureWatcher<Found>::finished, this, [this] {
        if (m_searching.future().resultCount() == 0)
            return;
        const Found found = m_searching.result();
        m_hits.clear();
        m_current = -1;
        m_truncated = false;
        if (!found) {
            m_count->setText(tr("search failed"));
            m_count->setToolTip(found.error().message);
            return;
        }
        m_hits = found->processes;
        m_truncated = found->truncated;
        Q_EMIT searched(int(m_hits.size()));
        if (m_hits.isEmpty())
            showCount();
        else
            choose(0);
    });
    connect(&session, &Models::CaseSession::closed, m_field, &QLineEdit::clear);
    showCount();
}

ProcessSearchBar::~ProcessSearchBar()
{
    m_searching.cancel();
    m_searching.waitForFinished();
}

void ProcessSearchBar::setHost(std::optional<qint64> hostId)
{
    if (m_host == hostId)
        return;
    m_host = hostId;
    if (!m_field->text().isEmpty())
        m_debounce.start();
}

void ProcessSearchBar::start()
{
    m_debounce.stop();
    m_searching.cancel();
    const QByteArray needle = m_field->text().toUtf8();
    if (needle.isEmpty() || !m_session.isOpen())
        return;
    m_count->setText(tr("searching..."));
    m_count->setToolTip(QString());
    m_searching.setFuture(m_session.worker().run(
        [needle, host = m_host](Core::Database &db) { return Core::SearchQueries(db).search(needle, host, kLimit); }));
}

void ProcessSearchBar::next()
{
    if (!m_hits.isEmpty())
        choose((m_current + 1) % int(m_hits.size()));
}

void ProcessSearchBar::previous()
{
    if (!m_hits.isEmpty())
        choose((m_current + int(m_hits.size()) - 1) % int(m_hits.size()));
}

void ProcessSearchBar::choose(int index)
{
    m_current = index;
    showCount();
    const Core::ProcessRow &process = m_hits[index].process;
    Q_EMIT chosen(process.id, process.hostId);
}

void ProcessSearchBar::showCount()
{
    const bool any = !m_hits.isEmpty();
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    m_count->setToolTip(m_truncated ? tr("Only the first %1 matches are listed").arg(kLimit) : QString());
    if (m_field->text().isEmpty())
        m_count->clear();
    else if (!any)
        m_count->setText(tr("no match"));
    else
        m_count->setText(tr("%1 of %2%3").arg(m_current + 1).arg(m_hits.size()).arg(m_truncated ? tr("+") : QString()));
}

} // namespace Deck::Gui
