// SPDX-License-Identifier: GPL-3.0-or-later
#include "statediff.h"

#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;
using Flight::Format::Severity;
using Flight::Format::StateItem;

namespace Flight::Integrity {

namespace {

QMap<QString, StateItem> byId(const QList<StateItem> &items)
{
    QMap<QString, StateItem> map;
    for (const StateItem &item : items) {
        if (!map.contains(item.id))
            map.insert(item.id, item);
    }
    return map;
}

const QStringList &volatileAttributes(const QString &check)
{
    static const QStringList modules{u"refcount"_s}, bpf{u"loaded_ts"_s}, none;
    return check == u"modules"_s ? modules : check == u"bpf"_s ? bpf : none;
}

bool sameIgnoring(StateItem a, StateItem b, const QStringList &ignored)
{
    for (const QString &name : ignored) {
        a.attrs.remove(name);
        b.attrs.remove(name);
    }
    return a == b;
}

bool isOwn(const StateItem &item)
{
    const auto own = item.attrs.value(u"own"_s);
    return std::holds_alternative<bool>(own) && std::get<bool>(own);
}

} // namespace

Severity severityOf(const QString &check)
{
    if (check == u"packages"_s || check == u"packagefiles"_s || check == u"modules"_s || check == u"bpf"_s
        || check == u"files"_s)
        return Severity::High;
    return Severity::Medium;
}

std::optional<Format::StateChange> diffState(const QString &check, const QList<StateItem> &before,
                                             const QList<StateItem> &after)
{
    const QMap<QString, StateItem> old = byId(before), now = byId(after);
    const QStringList &ignored = volatileAttributes(check);
    Format::StateChange change;
    change.check = check;
    bool allOwn = true;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto previous = old.constFind(it.key());
        if (previous == old.cend()) {
            change.added.append(*it);
            allOwn = allOwn && isOwn(*it);
        } else if (!sameIgnoring(*previous, *it, ignored)) {
            change.changed.append({it.key(), *previous, *it});
            allOwn = allOwn && (isOwn(*previous) || isOwn(*it));
        }
    }
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!now.contains(it.key())) {
            change.removed.append(*it);
            allOwn = allOwn && isOwn(*it);
        }
    }
    if (change.added.isEmpty() && change.removed.isEmpty() && change.changed.isEmpty())
        return std::nullopt;
    change.severity = check == u"bpf"_s && allOwn ? Severity::Low : severityOf(check);
    return change;
}

QList<StateItem> uniqueSorted(QList<StateItem> items)
{
    std::stable_sort(items.begin(), items.end(), [](const StateItem &a, const StateItem &b) { return a.id < b.id; });
    const auto end
        = std::unique(items.begin(), items.end(), [](const StateItem &a, const StateItem &b) { return a.id == b.id; });
    items.erase(end, items.end());
    return items;
}

} // namespace Flight::Integrity
