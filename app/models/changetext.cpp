// SPDX-License-Identifier: GPL-3.0-or-later
#include "changetext.h"

#include "bytetext.h"
#include "eventcodec.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::Models {

namespace {

constexpr qsizetype kSummaryChars = 200;

QString tr(const char *text)
{
    return QCoreApplication::translate("Deck::Models::ChangeText", text);
}

// Hostile text made safe for one table line: control characters and invalid bytes escaped.
QString clean(const QString &text)
{
    return Core::displayBytes(text.toUtf8());
}

QString value(const AttrValue &attr)
{
    if (const auto *b = std::get_if<bool>(&attr))
        return *b ? tr("yes") : tr("no");
    if (const auto *n = std::get_if<qint64>(&attr))
        return QString::number(*n);
    return clean(std::get<QString>(attr));
}

QString attr(const StateItem &item, const char *name)
{
    const auto it = item.attrs.constFind(QString::fromLatin1(name));
    return it == item.attrs.cend() ? QString() : value(*it);
}

bool flag(const StateItem &item, const char *name)
{
    const auto it = item.attrs.constFind(QString::fromLatin1(name));
    return it != item.attrs.cend() && std::holds_alternative<bool>(*it) && std::get<bool>(*it);
}

// " (a, b)" of the non-empty parts, or nothing.
QString parenthesised(const QStringList &parts)
{
    QStringList present;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            present << part;
    }
    return present.isEmpty() ? QString() : u" ("_s + present.join(u", "_s) + u')';
}

QString labelled(const char *label, const QString &text)
{
    return text.isEmpty() ? QString() : tr(label).arg(text);
}

// "size: 1 -> 2, mode: 0644 -> 0666" for the attributes that differ.
QString differences(const StateItem &before, const StateItem &after)
{
    QStringList keys = before.attrs.keys() + after.attrs.keys();
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end());
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        const auto b = before.attrs.value(key), a = after.attrs.value(key);
        if (before.attrs.contains(key) && after.attrs.contains(key) && a == b)
            continue;
        const QString from = before.attrs.contains(key) ? value(b) : tr("(none)");
        const QString to = after.attrs.contains(key) ? value(a) : tr("(none)");
        parts << tr("%1: %2 -> %3").arg(clean(key), from, to);
    }
    return parts.isEmpty() ? tr("no attribute differs") : parts.join(u", "_s);
}

QString packageName(const StateItem &item)
{
    const QString name = attr(item, "name");
    return (name.isEmpty() ? clean(item.id) : name) + labelled(" (%1)", attr(item, "arch"));
}

QString addedText(const QString &check, const StateItem &item)
{
    const QString id = clean(item.id);
    if (check == "packages"_L1)
        return tr("%1 %2 installed").arg(packageName(item), attr(item, "version"));
    if (check == "packagefiles"_L1)
        return tr("%1 %2: %3 files differ from dpkg's digests: %4")
            .arg(id, attr(item, "version"), attr(item, "mismatches"), attr(item, "files"));
    if (check == "modules"_L1)
        return tr("module %1 loaded").arg(id)
            + parenthesised({labelled("file %1", attr(item, "file")), labelled("digest %1", attr(item, "digest")),
                             labelled("size %1", attr(item, "size"))});
    if (check == "bpf"_L1)
        return tr("BPF program %1 loaded: %2").arg(id, attr(item, "name"))
            + parenthesised({labelled("type %1", attr(item, "type")), labelled("tag %1", attr(item, "tag")),
                             labelled("uid %1", attr(item, "uid")),
                             flag(item, "own") ? tr("flightrec's own") : QString()});
    if (check == "files"_L1) {
        if (attr(item, "kind") == "missing"_L1)
            return tr("%1 is missing").arg(id);
        return tr("%1 appeared").arg(id)
            + parenthesised({attr(item, "kind"), labelled("mode %1", attr(item, "mode")),
                             labelled("owner %1", attr(item, "uid")), labelled("digest %1", attr(item, "digest"))});
    }
    if (check == "logins"_L1)
        return tr("%1 logged in on %2").arg(attr(item, "user"), attr(item, "tty"))
            + labelled(" from %1", attr(item, "host"));
    if (check == "listeners"_L1)
        return tr("%1 now listening").arg(id)
            + parenthesised({labelled("pid %1", attr(item, "pid")), attr(item, "comm")});
    return tr("%1 added").arg(id);
}

QString removedText(const QString &check, const StateItem &item)
{
    const QString id = clean(item.id);
    if (check == "packages"_L1)
        return tr("%1 %2 removed").arg(packageName(item), attr(item, "version"));
    if (check == "packagefiles"_L1)
        return tr("%1: files match dpkg's digests again").arg(id);
    if (check == "modules"_L1)
        return tr("module %1 unloaded").arg(id);
    if (check == "bpf"_L1)
        return tr("BPF program %1 unloaded").arg(id) + parenthesised({attr(item, "name"), attr(item, "type")});
    if (check == "files"_L1)
        return tr("%1 no longer there").arg(id);
    if (check == "logins"_L1)
        return tr("%1 logged out of %2").arg(attr(item, "user"), attr(item, "tty"));
    if (check == "listeners"_L1)
        return tr("%1 no longer listening").arg(id);
    return tr("%1 removed").arg(id);
}

QString changedText(const QString &check, const ItemChange &change)
{
    const QString id = clean(change.id);
    if (check == "packages"_L1) {
        const QString before = attr(change.before, "version"), after = attr(change.after, "version");
        if (before != after)
            return tr("%1 %2 -> %3").arg(packageName(change.after), before, after);
    }
    if (check == "modules"_L1)
        return tr("module %1: %2").arg(id, differences(change.before, change.after));
    if (check == "bpf"_L1)
        return tr("BPF program %1: %2").arg(id, differences(change.before, change.after));
    return tr("%1: %2").arg(id, differences(change.before, change.after));
}

} // namespace

ChangeReadout readChange(const QByteArray &detail)
{
    ChangeReadout readout;
    auto event = decodeEvent(detail);
    if (!event) {
        readout.problem = tr("the stored event is malformed: %1").arg(clean(event.error().message));
        return readout;
    }
    if (const auto *change = std::get_if<StateChange>(&event->body)) {
        readout.kind = u"state.change"_s;
        readout.check = change->check;
        readout.severity = QString::fromLatin1(severityName(change->severity));
        for (const StateItem &item : change->added)
            readout.lines.append({ChangeLine::Kind::Added, addedText(change->check, item)});
        for (const StateItem &item : change->removed)
            readout.lines.append({ChangeLine::Kind::Removed, removedText(change->check, item)});
        for (const ItemChange &item : change->changed)
            readout.lines.append({ChangeLine::Kind::Changed, changedText(change->check, item)});
    } else if (const auto *kmsg = std::get_if<KernelLog>(&event->body)) {
        readout.kind = u"host.kmsg"_s;
        readout.check = u"kmsg"_s;
        readout.lines.append(
            {ChangeLine::Kind::Logged, tr("kernel log (level %1): %2").arg(kmsg->level).arg(clean(kmsg->text))});
    } else {
        readout.problem = tr("the stored event is a %1, not a state change").arg(QString::fromLatin1(kindName(*event)));
        return readout;
    }
    readout.readable = true;
    return readout;
}

QString changeSummary(const ChangeReadout &readout)
{
    if (!readout.readable)
        return tr("Unreadable: %1").arg(readout.problem);
    if (readout.lines.isEmpty())
        return tr("nothing changed");
    QString text = readout.lines.constFirst().text;
    if (text.size() > kSummaryChars)
        text = text.left(kSummaryChars) + u'\u2026';
    if (readout.lines.size() > 1)
        text += tr(" (and %1 more)").arg(readout.lines.size() - 1);
    return text;
}

QString rawEventText(const QByteArray &detail)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(detail, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    return Core::displayBytes(detail);
}

} // namespace Deck::Models
