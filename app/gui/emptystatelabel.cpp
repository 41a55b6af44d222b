// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatelabel.h"

#include <QAbstractItemView>
#include <QEvent>

namespace Deck::Gui {

EmptyStateLabel *EmptyStateLabel::attach(QAbstractItemView *view, std::function<QString()> text)
{
    return new EmptyStateLabel(view, std::move(text));
}

EmptyStateLabel::EmptyStateLabel(QAbstractItemView *view, std::function<QString()> text)
    : QLabel(view->viewport())
    , m_view(view)
    , m_text(std::move(text))
{
    setObjectName(QStringLiteral("emptyState"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyStateLabel::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &EmptyStateLabel::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &EmptyStateLabel::refresh);
    refresh();
}

void EmptyStateLabel::refresh()
{
    const QString sentence = m_view->model()->rowCount() == 0 ? m_text() : QString();
    setText(sentence);
    setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
    setVisible(!sentence.isEmpty());
}

bool EmptyStateLabel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
    return QLabel::eventFilter(watched, event);
}

} // namespace Deck::Gui
