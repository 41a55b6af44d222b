// SPDX-License-Identifier: GPL-3.0-or-later
// The trust decision about a held archive's signer. It shows the host the archives claim (name and machine id), the
// key's full fingerprint and public key and what waits for it, and asks for an explicit decision: "Trust this key for
// <host>" is enabled only after the analyst confirms having compared the fingerprint with the host's own, and is
// never the default button; "Refuse" leaves the archives held. A signer that may not be trusted (another key is
// trusted for the host, the key claims several hosts, a fork) gets a loud refusal with the reason and no trust
// button at all. accepted() means: trust it, with label(). The dialog changes nothing itself (HostsPage runs the
// TrustJob).
// Thread: the GUI thread.
#pragma once

#include "trustdecision.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace Deck::Gui {

class TrustDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TrustDialog(Models::TrustDecision decision, QWidget *parent = nullptr);

    const Models::TrustDecision &decision() const { return m_decision; }
    QString label() const;

    // For tests and keyboard users: the controls of the decision (trust button and confirmation are null when the
    // key may not be trusted).
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *refuseButton() const { return m_refuse; }
    QCheckBox *confirmation() const { return m_confirm; }

private:
    void buildTrust(QVBoxLayout *layout);
    void buildRefusal(QVBoxLayout *layout);
    void addIdentity(QVBoxLayout *layout);

    Models::TrustDecision m_decision;
    QPushButton *m_trust = nullptr;
    QPushButton *m_refuse = nullptr;
    QCheckBox *m_confirm = nullptr;
    QLineEdit *m_label = nullptr;
};

} // namespace Deck::Gui
