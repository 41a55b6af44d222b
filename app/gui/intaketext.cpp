// SPDX-License-Identifier: GPL-3.0-or-later
#include "intaketext.h"

#include "sshpullerror.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTreeWidgetItem>

using namespace Qt::StringLiterals;
using Deck::Core::ImportStatus;
using Flight::SshPull::SshReason;

namespace Deck::Gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Deck::Gui::Intake", text);
}
} // namespace

QString outcomeText(ImportStatus status)
{
    switch (status) {
    case ImportStatus::Imported:
        return tr("imported");
    case ImportStatus::AlreadyImported:
        return tr("already imported");
    case ImportStatus::Quarantined:
    case ImportStatus::AlreadyHeld:
        return tr("held for trust");
    case ImportStatus::Fork:
        return tr("held: chain fork");
    case ImportStatus::Refused:
        return tr("refused: signer");
    case ImportStatus::Invalid:
        return tr("refused: invalid");
    case ImportStatus::Failed:
        return tr("failed");
    case ImportStatus::Cancelled:
        return tr("rolled back");
    }
    return tr("failed");
}

QColor outcomeColor(ImportStatus status)
{
    switch (status) {
    case ImportStatus::Imported:
        return QColor(0x1b, 0x7f, 0x3a);
    case ImportStatus::AlreadyImported:
    case ImportStatus::Cancelled:
        return QColor(0x6b, 0x6b, 0x6b);
    case ImportStatus::Quarantined:
    case ImportStatus::AlreadyHeld:
    case ImportStatus::Fork:
        return QColor(0xb3, 0x5c, 0x00);
    case ImportStatus::Refused:
    case ImportStatus::Invalid:
    case ImportStatus::Failed:
        break;
    }
    return QColor(0xc0, 0x1c, 0x28);
}

QString outcomeDetail(const Core::ImportOutcome &outcome)
{
    const QString prefix = outcome.path + u": "_s;
    return outcome.message.startsWith(prefix) ? outcome.message.mid(prefix.size()) : outcome.message;
}

QStringList outcomeColumns()
{
    return {tr("Outcome"), tr("Archive"), tr("Host"), tr("Seq"), tr("Events"), tr("Details")};
}

void fillOutcomeRow(QTreeWidgetItem *item, const Core::ImportOutcome &outcome)
{
    item->setText(0, outcomeText(outcome.status));
    item->setForeground(0, outcomeColor(outcome.status));
    item->setText(1, QFileInfo(outcome.path).fileName());
    item->setToolTip(1, outcome.path);
    item->setText(2, outcome.hostname);
    item->setText(3, outcome.digest.isEmpty() ? QString() : QString::number(outcome.seq));
    item->setText(4, outcome.digest.isEmpty() ? QString() : QLocale().toString(outcome.events));
    item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(5, outcomeDetail(outcome));
    item->setToolTip(5, outcome.message);
}

QString byteText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString pullFailureText(const Flight::Error &error)
{
    switch (Flight::SshPull::reasonOf(error)) {
    case SshReason::Unreachable:
        return tr("unreachable");
    case SshReason::Timeout:
        return tr("timed out");
    case SshReason::UnknownHostKey:
        return tr("unknown host key: needs your decision");
    case SshReason::ChangedHostKey:
        return tr("REFUSED: host key changed");
    case SshReason::Auth:
        return tr("login refused");
    case SshReason::Protocol:
        return tr("SSH/SFTP error");
    case SshReason::Cancelled:
        return tr("cancelled");
    case SshReason::RemoteFile:
        return tr("remote file error");
    case SshReason::LocalFile:
        return tr("local file error");
    case SshReason::Unsupported:
        return tr("not supported");
    }
    return tr("failed");
}

QStringList fingerprintsIn(const QString &message)
{
    static const QRegularExpression pattern(u"SHA256:[A-Za-z0-9+/=]+"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(message); it.hasNext();) {
        const QString fingerprint = it.next().captured();
        if (!found.contains(fingerprint))
            found.append(fingerprint);
    }
    return found;
}

} // namespace Deck::Gui
