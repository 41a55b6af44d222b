// SPDX-License-Identifier: GPL-3.0-or-later
// Bookmarks & Notes: every bookmark and note of the case (marksmodel.h), filtered to bookmarks or notes; edit a note
// (F2), remove a bookmark or note (Delete, after asking), and double-click (or Enter) to
// make the object the shared selection: its host, its process, its path, its remote endpoint (the network map follows).
// Marks are added from the other views (markactions.h: Ctrl+B, Ctrl+Alt+C).
// Thread: the GUI thread.
#pragma once

#include "page.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Deck::Models {
class MarksModel;
}

namespace Deck::Gui {

class MarksPage : public Page
{
    Q_OBJECT
public:
    explicit MarksPage(Models::CaseSession &session, QWidget *parent = nullptr);

    QString title() const override { return tr("Bookmarks && Notes"); }

    QTableView *view() const { return m_view; }
    Models::MarksModel *model() const { return m_model; }
    // Asks for the new text in a dialog; editNote(row, text) does it without asking.
    void editNote(int row);
    void editNote(int row, const QString &text);
    // removeMark(row) asks first; removeMark(row, false) does not.
    void removeMark(int row, bool ask = true);
    // Makes the row's object the shared selection.
    void select(int row);

private:
    void updateButtons();
    void showState();

    Models::MarksModel *m_model;
    QTableView *m_view;
    QComboBox *m_show;
    QLabel *m_state;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace Deck::Gui
