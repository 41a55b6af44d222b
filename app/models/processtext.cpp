// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtext.h"

#include "accountnames.h"
#include "bytetext.h"

#include <QDateTime>
#include <csignal>
#include <cstring>

namespace Deck::Models {

QString ProcessText::name(const Core::ProcessRow &row)
{
    if (!row.comm.isEmpty())
        return Core::displayBytes(row.comm.toUtf8());
    if (!row.exe.isEmpty())
        return Core::displayBytes(row.exe.mid(row.exe.lastIndexOf('/') + 1));
    return tr("pid %1").arg(row.pid);
}

QString ProcessText::time(qint64 ns)
{
    const qint64 ms = ns >= 0 ? ns / 1000000 : -((-ns + 999999) / 1000000);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString ProcessText::exit(const Core::ProcessRow &row)
{
    if (!row.exitTs)
        return tr("running");
    if (row.exitSignal) {
        const char *abbrev
            = *row.exitSignal > 0 && *row.exitSignal < NSIG ? sigabbrev_np(int(*row.exitSignal)) : nullptr;
        return abbrev ? tr("signal %1 (SIG%2)").arg(*row.exitSignal).arg(QLatin1StringView(abbrev))
                      : tr("signal %1").arg(*row.exitSignal);
    }
    if (row.exitCode)
        return tr("exit %1").arg(*row.exitCode);
    return tr("exited (how not seen)");
}

QString ProcessText::user(const std::optional<qint64> &uid, const QString &name)
{
    return uid ? Core::userText(*uid, name) : tr("?");
}

QString ProcessText::argvLine(const Core::ProcessRow &row, int maxChars)
{
    QString line = Core::displayArgv(row.argv);
    if (line.size() > maxChars) {
        line.truncate(maxChars);
        line += QChar(0x2026);
    }
    return line;
}

QString ProcessText::chainEnd(const Core::ProcessRow &row)
{
    if (row.parentId)
        return {};
    if (!row.parentPid)
        return tr("no parent recorded");
    if (*row.parentPid == 0)
        return {};
    return tr("parent pid %1 not in the case").arg(*row.parentPid);
}

QString ProcessText::chainEndShort(const Core::ProcessRow &row)
{
    if (row.parentId || (row.parentPid && *row.parentPid == 0))
        return {};
    if (!row.parentPid)
        return tr("no parent recorded");
    return tr("ppid %1 not in case").arg(*row.parentPid);
}

QString ProcessText::toolTip(const QString &text)
{
    return QStringLiteral("<div style='white-space:pre-wrap'>%1</div>").arg(text.toHtmlEscaped());
}

} // namespace Deck::Models
