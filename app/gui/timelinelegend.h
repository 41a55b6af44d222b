// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's legends: KindLegend lists the event kinds of the chart with their colours, each a check box that
// shows or hides the kind (hidden kinds stay hidden across zooms, hosts and sessions: QSettings); the coverage legend
// names each state of the lanes with its swatch and explains it in a tooltip. Thread: the GUI thread.
#pragma once

#include <QSet>
#include <QWidget>

class QVBoxLayout;

namespace Deck::Gui {

class KindLegend : public QWidget
{
    Q_OBJECT
public:
    explicit KindLegend(QWidget *parent = nullptr);

    // The kinds of the chart in its order; rebuilt only when they change.
    void setKinds(const QStringList &kinds);
    // The kinds not unchecked.
    QStringList shown() const;

Q_SIGNALS:
    void shownChanged();

private:
    QStringList m_kinds;
    QSet<QString> m_hidden;
    QVBoxLayout *m_list = nullptr;
};

// A row of swatches, one per coverage state, with the meaning of each in its tooltip.
QWidget *createCoverageLegend(QWidget *parent);

} // namespace Deck::Gui
