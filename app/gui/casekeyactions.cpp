// SPDX-License-Identifier: GPL-3.0-or-later
#include "casekeyactions.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

CaseKeyActions::CaseKeyActions(Models::CaseSession &session, QMenu *menu, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_state(new QLabel(window))
{
    m_choose = menu->addAction(tr("Case &Key..."), this, &CaseKeyActions::chooseKeyFile);
    m_choose->setObjectName(u"caseKeyAction"_s);
    m_choose->setToolTip(tr("Read the key that decrypts archives encrypted to this case (kept in memory only)"));
    m_forget = menu->addAction(tr("&Forget Case Key"), this, &CaseKeyActions::forget);
    if (auto *main = qobject_cast<QMainWindow *>(window))
        main->statusBar()->addPermanentWidget(m_state);
    connect(&m_session, &Models::CaseSession::opened, this, &CaseKeyActions::caseOpened);
    connect(&m_session, &Models::CaseSession::closed, this, &CaseKeyActions::showState);
    connect(&m_session, &Models::CaseSession::caseKeyChanged, this, &CaseKeyActions::showState);
    showState();
}

QString CaseKeyActions::settingsKey() const
{
    // By a digest of the case's name (a path or a URL without its password): settings keys cannot hold every byte.
    const QByteArray digest = QCryptographicHash::hash(m_session.name().toUtf8(), QCryptographicHash::Sha256);
    return u"caseKeys/"_s + QString::fromLatin1(digest.toHex().left(32));
}

QString CaseKeyActions::useKeyFile(const QString &file)
{
    if (!m_session.isOpen())
        return tr("No case is open: open a case before giving its key.");
    auto key = Flight::Format::DecryptionKey::load(file);
    if (!key)
        return key.error().message;
    m_session.setCaseKey(*key);
    QSettings().setValue(settingsKey(), file); // the path only
    return {};
}

void CaseKeyActions::forget()
{
    if (m_session.isOpen())
        QSettings().remove(settingsKey());
    if (m_session.caseKey())
        m_session.setCaseKey(std::nullopt);
}

void CaseKeyActions::chooseKeyFile()
{
    const QString file = QFileDialog::getOpenFileName(m_window, tr("Case Key"), QString(),
                                                      tr("Case key files (*.key);;All files (*)"));
    if (file.isEmpty())
        return;
    if (const QString error = useKeyFile(file); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Case Key"), error);
}

void CaseKeyActions::caseOpened()
{
    const QString file = QSettings().value(settingsKey()).toString();
    if (!file.isEmpty()) {
        if (const QString error = useKeyFile(file); !error.isEmpty()) {
            QSettings().remove(settingsKey());
            showState();
            m_state->setText(tr("Case key not read: %1").arg(error));
            return;
        }
    }
    showState();
}

QString CaseKeyActions::stateText() const
{
    return m_state->text();
}

void CaseKeyActions::showState()
{
    m_choose->setEnabled(m_session.isOpen());
    m_forget->setEnabled(m_session.caseKey().has_value());
    const auto &key = m_session.caseKey();
    m_state->setVisible(m_session.isOpen());
    m_state->setText(key ? tr("Case key %1").arg(key->recipient().fingerprint()) : tr("No case key"));
    m_state->setToolTip(key ? tr("Archives encrypted to %1 are decrypted on import").arg(key->recipient().toText())
                            : tr("Archives encrypted to the case cannot be imported: Case > Case Key"));
}

} // namespace Deck::Gui
