// SPDX-License-Identifier: GPL-3.0-or-later
// Adding or editing one remote host of the case's pull inventory: name, address, port, pull account, key file or
// ssh-agent (no password: none is stored anywhere), the collector's outbox on the host and an optional jump host.
// OK is refused, with the reason under the form, while RemoteHostStore::validate() objects. The caller stores host().
// Thread: the GUI thread.
#pragma once

#include "remotehoststore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace Deck::Gui {

class RemoteHostDialog : public QDialog
{
    Q_OBJECT
public:
    // `otherHosts`: the names a jump host may be chosen from.
    RemoteHostDialog(const Pull::RemoteHost &host, const QStringList &otherHosts, QWidget *parent = nullptr);

    Pull::RemoteHost host() const;
    // Empty when the form may be stored, else why not.
    QString problem() const;

    void accept() override;

private:
    Pull::RemoteHost m_original;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QRadioButton *m_useKey = nullptr;
    QRadioButton *m_useAgent = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_outbox = nullptr;
    QComboBox *m_jump = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace Deck::Gui
