// SPDX-License-Identifier: GPL-3.0-or-later
// One panel of the Replay page: a heading with its count and what changed since the previous position, a line that
// says when the part is incomplete or not known at this time, and its view (a tree or a table). An empty view says
// why it is empty: nothing at this time, or not known.
// Thread: the GUI thread.
#pragma once

#include <QWidget>

class QAbstractItemView;
class QLabel;

namespace Deck::Gui {

class EmptyStateLabel;

class ReplayPanel : public QWidget
{
    Q_OBJECT
public:
    ReplayPanel(const QString &title, QAbstractItemView *view, QWidget *parent = nullptr);

    // count: "3 (+1 new, 2 gone)"; knowledge: empty when known; empty: what an empty view says.
    void show(const QString &count, const QString &knowledge, const QString &empty);
    QAbstractItemView *view() const { return m_view; }
    QString knowledgeText() const;

private:
    QString m_title;
    QLabel *m_heading;
    QLabel *m_knowledge;
    QAbstractItemView *m_view;
    EmptyStateLabel *m_empty;
    QString m_emptyText;
};

} // namespace Deck::Gui
