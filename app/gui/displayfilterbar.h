// SPDX-License-Identifier: GPL-3.0-or-later
// The display-filter bar of the events page (Wireshark's): an editable line with the history of applied filters,
// checked as it is typed — green when valid, red with the reason and the column inline when not — and applied on
// Enter or with the Apply button. The history (most recent first, at most kHistory) is kept in QSettings under
// "events/filterHistory".
// Thread: the GUI thread.
#pragma once

#include "displayfilter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Deck::Gui {

class DisplayFilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kHistory = 30;

    explicit DisplayFilterBar(QWidget *parent = nullptr);

    QString text() const;
    // Sets the text and applies it, as if typed and Enter pressed.
    void apply(const QString &text);
    // The reason shown when the text is invalid; empty when it is valid.
    QString errorText() const;
    QStringList history() const;
    void focusEditor();

Q_SIGNALS:
    // A valid filter was applied (the empty one included: every event).
    void applied(const Deck::Core::FilterNode &filter, const QString &text);

private:
    void check();
    void applyCurrent();
    void remember(const QString &text);

    QComboBox *m_edit = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_error = nullptr;
    QString m_applied;
    bool m_justApplied = false;
};

} // namespace Deck::Gui
