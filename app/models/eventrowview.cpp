// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventrowview.h"

#include "accountnames.h"
#include "bytetext.h"
#include "timetext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

// A cell shows at most this many characters (Qt lays out a cell's whole text before eliding it, for every paint);
// the tool tip holds up to kMaxToolTip.
constexpr qsizetype kMaxCell = 160;
constexpr qsizetype kMaxToolTip = 2000;

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Deck::Models::EventTableModel", text, disambiguation, n);
}

QString endpointText(const QString &address, std::optional<qint64> port)
{
    const QString host = address.contains(u':') ? u'[' + address + u']' : address;
    return port ? host + u':' + QString::number(*port) : host;
}

QString shortened(QString text, qsizetype limit = kMaxToolTip)
{
    text.replace(u'\n', u' ');
    if (text.size() > limit)
        text = text.left(limit) + u'…';
    return text;
}

// The argv of an exec as its event says (FORMAT.md §2.3: each element a string, or {"b64": ...} when it is not
// UTF-8), NUL-separated like the case's; empty when the line has none.
QByteArray execArgv(const QString &json)
{
    const QJsonArray elements = QJsonDocument::fromJson(json.toUtf8()).object().value(u"argv"_s).toArray();
    QList<QByteArray> argv;
    for (const QJsonValue &element : elements)
        argv << (element.isObject() ? QByteArray::fromBase64(element.toObject().value(u"b64"_s).toString().toLatin1())
                                    : element.toString().toUtf8());
    return argv.join('\0');
}

// The archive's JSON line of an event without what the other columns show (kind, times, the process key): the rest
// as "key value" pairs, strings unquoted, the rest compact JSON.
QString detailText(const QString &json)
{
    static const QStringList shown{u"kind"_s,  u"ts"_s,     u"mono"_s,    u"pid"_s,
                                   u"start"_s, u"parent"_s, u"last_ts"_s, u"last_mono"_s};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject())
        return shortened(json);
    const QJsonObject object = document.object();
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (shown.contains(it.key()))
            continue;
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else if (value.isObject())
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else
            text = value.toVariant().toString();
        parts << it.key() + u' ' + text;
    }
    return shortened(parts.join(u", "_s));
}

} // namespace

EventRowView eventRowView(const Core::EventTableRow &row)
{
    EventRowView view;
    view.key = row.key;
    view.hostId = row.hostId;
    view.processId = row.processId;
    auto &text = view.text;
    // "2025-10-09T08:55:23.123456789Z" as "2025-10-09 08:55:23.123456789": the header says UTC.
    text[int(EventColumn::Time)] = Core::isoTime(row.key.ts).replace(u'T', u' ').chopped(1);
    text[int(EventColumn::Host)] = row.host;
    if (row.pid)
        text[int(EventColumn::Process)] = u"%1 (%2)"_s.arg(row.comm).arg(*row.pid);
    if (row.uid)
        text[int(EventColumn::User)] = Core::userText(*row.uid, row.userName);
    QString &kind = text[int(EventColumn::Kind)];
    QString &object = text[int(EventColumn::Object)];
    QString &detail = text[int(EventColumn::Detail)];
    switch (row.key.branch) {
    case Core::ProcessBranch:
        kind = row.kind;
        object = Core::displayBytes(row.exe);
        // An exec shows the argv it ran with; a snapshot (no detail kept) the process's image.
        if (row.kind == "proc.exec"_L1)
            detail = Core::displayArgv(execArgv(row.detail));
        else
            detail = row.kind == "proc.snapshot"_L1 ? Core::displayArgv(row.argv) : detailText(row.detail);
        break;
    case Core::FileBranch:
        kind = tr("file %1").arg(row.op);
        object = Core::displayBytes(row.path);
        view.path = row.path;
        if (!row.toPath.isEmpty())
            object += u" → "_s + Core::displayBytes(row.toPath);
        if (row.count > 1)
            detail = tr("%n times", nullptr, int(std::min<qint64>(row.count, INT_MAX)));
        break;
    case Core::NetBranch:
        kind = tr("net %1").arg(row.op);
        object = u"%1 %2"_s.arg(row.proto, endpointText(row.laddr, row.lport));
        if (!row.raddr.isEmpty()) {
            object += u" → "_s + endpointText(row.raddr, row.rport);
            view.endpoint = Endpoint{row.raddr, row.rport};
        }
        if (row.count > 1)
            detail = tr("%n times", nullptr, int(std::min<qint64>(row.count, INT_MAX)));
        break;
    case Core::StateBranch:
        kind = row.kind;
        object = tr("%1: %n item(s)", nullptr, int(std::min<qint64>(row.count, INT_MAX))).arg(row.op);
        detail = detailText(row.detail);
        break;
    case Core::HostBranch:
        kind = row.kind;
        detail = detailText(row.detail);
        break;
    case Core::LossBranch:
        kind = row.kind;
        object = row.op;
        detail = tr("%1 lost: %2").arg(row.count).arg(row.detail);
        view.isLoss = true;
        break;
    }
    view.toolTip = object.isEmpty() ? detail : detail.isEmpty() ? object : object + u'\n' + detail;
    object = shortened(object, kMaxCell);
    detail = shortened(detail, kMaxCell);
    using Core::ObjectType;
    switch (row.key.branch) {
    case Core::ProcessBranch:
        if (row.processId)
            view.object = Core::ObjectRef{ObjectType::Process, *row.processId};
        break;
    case Core::FileBranch:
        view.object = Core::ObjectRef{ObjectType::FileEvent, row.key.id};
        break;
    case Core::NetBranch:
        view.object = Core::ObjectRef{ObjectType::NetEvent, row.key.id};
        break;
    case Core::StateBranch:
        view.object = Core::ObjectRef{ObjectType::StateChange, row.key.id};
        break;
    default:
        view.object = Core::ObjectRef{ObjectType::Host, row.hostId};
    }
    return view;
}

} // namespace Deck::Models
