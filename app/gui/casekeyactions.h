// SPDX-License-Identifier: GPL-3.0-or-later
// Case > Case Key: the X25519 key that decrypts archives encrypted to the case (flightdeck-cli's --case-key), read
// from its key file into the CaseSession, where imports, pulls, the inbox and releasing held archives take it. The
// key itself is never written anywhere: QSettings keeps only the path of its file per case (caseKeys/<case name>),
// and the key is read from that file again when the case is opened (a missing or unreadable file is reported and
// forgotten). "Forget Case Key" drops it from memory and forgets the path. Its state shows in the status bar.
// Thread: the GUI thread.
#pragma once

#include "casesession.h"

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QWidget;

namespace Deck::Gui {

class CaseKeyActions : public QObject
{
    Q_OBJECT
public:
    // Adds its actions to `menu` and its state label to `window`'s status bar.
    CaseKeyActions(Models::CaseSession &session, QMenu *menu, QWidget *window);

    // Reads the key in `file` into the session and remembers the file for this case; the error otherwise.
    QString useKeyFile(const QString &file);
    void forget();
    QString stateText() const;

private:
    void chooseKeyFile();
    void caseOpened();
    void showState();
    QString settingsKey() const;

    Models::CaseSession &m_session;
    QWidget *m_window;
    QAction *m_choose = nullptr;
    QAction *m_forget = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace Deck::Gui
