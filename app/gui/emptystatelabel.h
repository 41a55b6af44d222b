// SPDX-License-Identifier: GPL-3.0-or-later
// The sentence an empty list shows in its middle ("No alerts in this case: ..."), so that an empty table explains
// itself instead of looking broken. It follows the view's model (reset, rows inserted or removed) and asks `text`
// for the sentence each time it shows; an empty sentence shows nothing. A child of the view's viewport.
// Thread: the GUI thread.
#pragma once

#include <QLabel>
#include <functional>

class QAbstractItemView;

namespace Deck::Gui {

class EmptyStateLabel : public QLabel
{
    Q_OBJECT
public:
    static EmptyStateLabel *attach(QAbstractItemView *view, std::function<QString()> text);
    // Shows or hides the sentence for the model's current rows (call when what `text` says has changed).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    EmptyStateLabel(QAbstractItemView *view, std::function<QString()> text);

    QAbstractItemView *m_view;
    std::function<QString()> m_text;
};

} // namespace Deck::Gui
