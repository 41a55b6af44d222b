// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaypanel.h"

#include "displaytext.h"
#include "emptystatelabel.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

ReplayPanel::ReplayPanel(const QString &title, QAbstractItemView *view, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_heading(new QLabel(this))
    , m_knowledge(new QLabel(this))
    , m_view(view)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_knowledge->setWordWrap(true);
    m_knowledge->setTextFormat(Qt::PlainText);
    m_knowledge->setObjectName(u"knowledge"_s);
    QPalette palette = m_knowledge->palette();
    palette.setColor(QPalette::WindowText, Models::warningColor());
    m_knowledge->setPalette(palette);
    m_knowledge->hide();
    view->setParent(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_knowledge);
    layout->addWidget(view, 1);
    m_empty = EmptyStateLabel::attach(view, [this] { return m_emptyText; });
    show(QString(), QString(), QString());
}

void ReplayPanel::show(const QString &count, const QString &knowledge, const QString &empty)
{
    m_heading->setText(count.isEmpty() ? m_title : u"%1 — %2"_s.arg(m_title, count));
    m_knowledge->setText(knowledge);
    m_knowledge->setVisible(!knowledge.isEmpty());
    m_emptyText = empty;
    m_empty->refresh();
}

QString ReplayPanel::knowledgeText() const
{
    return m_knowledge->text();
}

} // namespace Deck::Gui
