// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotehostdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace Deck::Gui {

RemoteHostDialog::RemoteHostDialog(const Pull::RemoteHost &host, const QStringList &otherHosts, QWidget *parent)
    : QDialog(parent)
    , m_original(host)
    , m_name(new QLineEdit(host.name, this))
    , m_address(new QLineEdit(host.address, this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(host.user, this))
    , m_useKey(new QRadioButton(tr("Key file"), this))
    , m_useAgent(new QRadioButton(tr("ssh-agent (SSH_AUTH_SOCK)"), this))
    , m_keyFile(new QLineEdit(host.keyFile, this))
    , m_outbox(new QLineEdit(host.outbox, this))
    , m_jump(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(host.name.isEmpty() ? tr("Add Remote Host") : tr("Edit Remote Host %1").arg(host.name));
    m_name->setPlaceholderText(tr("web-01 (letters, digits, . _ -)"));
    m_address->setPlaceholderText(tr("host name or IP address"));
    m_port->setRange(1, 65535);
    m_port->setValue(host.port);
    m_user->setPlaceholderText(tr("the pull account, e.g. flightpull"));
    m_outbox->setPlaceholderText(tr("/var/lib/flightrec/outbox, or / for an account set up by setup-pull-account.sh"));
    m_keyFile->setPlaceholderText(tr("private key (OpenSSH format); its passphrase is asked when pulling"));
    (host.keyFile.isEmpty() && !host.name.isEmpty() ? m_useAgent : m_useKey)->setChecked(true);
    m_jump->addItem(tr("(direct)"), QString());
    for (const QString &name : otherHosts) {
        if (name != host.name)
            m_jump->addItem(name, name);
    }
    m_jump->setCurrentIndex(std::max(0, m_jump->findData(host.jumpHost)));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_name->setObjectName(QStringLiteral("name"));
    m_address->setObjectName(QStringLiteral("address"));
    m_user->setObjectName(QStringLiteral("user"));
    m_keyFile->setObjectName(QStringLiteral("keyFile"));
    m_outbox->setObjectName(QStringLiteral("outbox"));

    auto *browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Private Key"), m_keyFile->text());
        if (!file.isEmpty())
            m_keyFile->setText(file);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browse);
    const auto keyEnabled = [this, browse] {
        m_keyFile->setEnabled(m_useKey->isChecked());
        browse->setEnabled(m_useKey->isChecked());
    };
    connect(m_useKey, &QRadioButton::toggled, this, keyEnabled);
    keyEnabled();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Login with:"), m_useKey);
    form->addRow(QString(), keyRow);
    form->addRow(QString(), m_useAgent);
    form->addRow(tr("&Outbox:"), m_outbox);
    form->addRow(tr("&Jump host:"), m_jump);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RemoteHostDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RemoteHostDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(
        new QLabel(tr("No password is stored: the host is logged in to with the key or the agent."), this));
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(620, sizeHint().height());
}

Pull::RemoteHost RemoteHostDialog::host() const
{
    Pull::RemoteHost host = m_original;
    host.name = m_name->text().trimmed();
    host.address = m_address->text().trimmed();
    host.port = m_port->value();
    host.user = m_user->text().trimmed();
    host.keyFile = m_useKey->isChecked() ? QFileInfo(m_keyFile->text().trimmed()).absoluteFilePath() : QString();
    if (m_useKey->isChecked() && m_keyFile->text().trimmed().isEmpty())
        host.keyFile.clear();
    host.outbox = m_outbox->text().trimmed();
    host.jumpHost = m_jump->currentData().toString();
    return host;
}

QString RemoteHostDialog::problem() const
{
    if (m_useKey->isChecked() && m_keyFile->text().trimmed().isEmpty())
        return tr("Choose a key file, or log in with ssh-agent.");
    return Pull::RemoteHostStore::validate(host());
}

void RemoteHostDialog::accept()
{
    const QString why = problem();
    m_problem->setText(why);
    if (why.isEmpty())
        QDialog::accept();
}

} // namespace Deck::Gui
