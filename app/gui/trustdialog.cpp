// SPDX-License-Identifier: GPL-3.0-or-later
#include "trustdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Deck::Gui {

namespace {

QLabel *selectable(const QString &text, bool monospace)
{
    auto *label = new QLabel;
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    if (monospace)
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

QLabel *banner(const QString &text, const QString &colour, const QString &background)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid %1; "
                                        "border-radius: 4px; padding: 8px; font-weight: bold; }")
                             .arg(colour, background));
    return label;
}

} // namespace

TrustDialog::TrustDialog(Models::TrustDecision decision, QWidget *parent)
    : QDialog(parent)
    , m_decision(std::move(decision))
{
    setWindowTitle(
        tr("Trust Decision: %1").arg(m_decision.hostname.isEmpty() ? tr("refused archive") : m_decision.hostname));
    setMinimumWidth(620);
    auto *layout = new QVBoxLayout(this);
    if (m_decision.mayTrust())
        buildTrust(layout);
    else
        buildRefusal(layout);
}

QString TrustDialog::label() const
{
    return m_label ? m_label->text().trimmed() : QString();
}

void TrustDialog::addIdentity(QVBoxLayout *layout)
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (!m_decision.hostname.isEmpty())
        form->addRow(tr("Host:"), selectable(m_decision.hostname, false));
    if (!m_decision.machineId.isEmpty())
        form->addRow(tr("Machine id:"), selectable(m_decision.machineId, true));
    if (!m_decision.fingerprint.isEmpty())
        form->addRow(tr("Key fingerprint:"), selectable(m_decision.fingerprint, true));
    if (!m_decision.publicKey.isEmpty())
        form->addRow(tr("Public key:"), selectable(m_decision.publicKey, true));
    if (m_decision.archives > 0)
        form->addRow(tr("Held:"),
                     new QLabel(tr("archives: %1, events: %2").arg(m_decision.archives).arg(m_decision.events)));
    if (!m_decision.knownHost.isEmpty())
        form->addRow(tr("Trusted for %1:").arg(m_decision.knownHost),
                     selectable(m_decision.knownFingerprints.join(u'\n'), true));
    layout->addLayout(form);
}

void TrustDialog::buildTrust(QVBoxLayout *layout)
{
    layout->addWidget(banner(tr("These archives are signed by a key this case does not trust yet. They are held "
                                "in quarantine, not imported."),
                             QStringLiteral("#8a4b00"), QStringLiteral("#fff4e0")));
    addIdentity(layout);
    auto *how = new QLabel(tr("Compare the fingerprint above with the one the host itself shows (run "
                              "<tt>flightrec pubkey</tt> on it), over a channel you trust. Trusting binds this key "
                              "to this host; its held archives are then verified and imported. Refusing changes "
                              "nothing: the archives stay held."));
    how->setWordWrap(true);
    layout->addWidget(how);
    m_label = new QLineEdit(m_decision.hostname);
    auto *labelRow = new QFormLayout;
    labelRow->addRow(tr("Label for the key:"), m_label);
    layout->addLayout(labelRow);
    m_confirm = new QCheckBox(tr("I compared this fingerprint with the host's own"));
    layout->addWidget(m_confirm);

    auto *buttons = new QDialogButtonBox;
    m_refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    // An action, not the accept role: QDialogButtonBox makes its first accept button the default, and Enter must
    // not trust. Neither button is the default, and trusting needs the confirmation first.
    m_trust = buttons->addButton(tr("&Trust This Key for %1").arg(m_decision.hostname), QDialogButtonBox::ActionRole);
    for (auto *button : {m_refuse, m_trust}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    m_trust->setEnabled(false);
    connect(m_confirm, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
    connect(m_trust, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void TrustDialog::buildRefusal(QVBoxLayout *layout)
{
    const bool fork = m_decision.kind == Models::TrustDecision::Kind::Fork;
    layout->addWidget(banner(fork ? tr("REFUSED: this archive contradicts its host's hash chain (a fork). It stays "
                                       "held; trusting a key cannot release it.")
                                  : tr("REFUSED: this key may not be trusted with one click. A host whose key changes "
                                       "has been reinstalled, compromised or impersonated."),
                             QStringLiteral("#b01c1c"), QStringLiteral("#fde8e8")));
    addIdentity(layout);
    layout->addWidget(selectable(m_decision.reason, false));
    if (!fork) {
        auto *how = new QLabel(
            tr("If the host really was reinstalled, verify its new key out of band and trust it "
               "for that host on the command line: <tt>flightdeck-cli trust --host %1 KEY</tt>.")
                .arg(m_decision.machineId.isEmpty() ? tr("MACHINE-ID") : m_decision.machineId.toHtmlEscaped()));
        how->setWordWrap(true);
        how->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(how);
    }
    auto *buttons = new QDialogButtonBox;
    m_refuse = buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Deck::Gui
