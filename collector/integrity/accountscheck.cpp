// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountscheck.h"

#include "hostfiles.h"
#include "statediff.h"

#include <QMap>

using namespace Qt::StringLiterals;
using Flight::Format::StateItem;

namespace Flight::Integrity {

namespace {

constexpr qsizetype kMaxNameBytes = 256; // useradd allows 32; longer is hostile, cut by itemText's escape rules
constexpr qsizetype kMaxFieldBytes = 1024; // home, shell, a group's member list

// "1000" -> 1000; nullopt for anything but a decimal id below (uid_t)-1, which means "no id".
std::optional<qint64> parseId(QByteArrayView field)
{
    if (field.isEmpty() || field.size() > 10)
        return std::nullopt;
    qint64 id = 0;
    for (const char c : field) {
        if (c < '0' || c > '9')
            return std::nullopt;
        id = id * 10 + (c - '0');
    }
    return id < 4294967295LL ? std::optional(id) : std::nullopt;
}

QString boundedText(QByteArrayView field, qsizetype maxBytes)
{
    return itemText(field.first(std::min(field.size(), maxBytes)));
}

// Splits `content` into the fields of each well-formed line with at least `minFields` fields, calling `take` with
// them: comments, blank lines, NIS compat lines (`+`, `-`), overlong and short lines are skipped.
template <typename Take> void forEachLine(QByteArrayView content, qsizetype minFields, Take take)
{
    qsizetype start = 0;
    while (start < content.size()) {
        qsizetype end = content.indexOf('\n', start);
        if (end < 0)
            end = content.size();
        const QByteArrayView line = content.sliced(start, end - start);
        start = end + 1;
        if (line.isEmpty() || line.size() > kMaxAccountLine || line.front() == '#' || line.front() == '+'
            || line.front() == '-')
            continue;
        QList<QByteArrayView> fields;
        qsizetype from = 0;
        for (;;) {
            const qsizetype colon = line.indexOf(':', from);
            fields.append(line.sliced(from, (colon < 0 ? line.size() : colon) - from));
            if (colon < 0)
                break;
            from = colon + 1;
        }
        if (fields.size() >= minFields && !fields.at(0).isEmpty())
            take(fields);
    }
}

QString textAttr(const StateItem &item, const QString &name)
{
    const Format::AttrValue value = item.attrs.value(name);
    const auto *text = std::get_if<QString>(&value);
    return text ? *text : QString();
}

// One item per id: the first line's attributes, later names for the same id as `aliases`.
QList<StateItem> merged(const QList<std::pair<qint64, StateItem>> &lines, QLatin1StringView prefix)
{
    QMap<qint64, StateItem> byId;
    for (const auto &[id, item] : lines) {
        auto it = byId.find(id);
        if (it == byId.end()) {
            byId.insert(id, item);
            continue;
        }
        const QString alias = textAttr(item, u"name"_s);
        const QString aliases = textAttr(*it, u"aliases"_s);
        it->attrs.insert(u"aliases"_s, aliases.isEmpty() ? alias : aliases + u", "_s + alias);
    }
    QList<StateItem> items;
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        it->id = prefix + QString::number(it.key());
        items.append(std::move(*it));
    }
    return uniqueSorted(std::move(items));
}

} // namespace

QList<StateItem> passwdItems(QByteArrayView content)
{
    QList<std::pair<qint64, StateItem>> lines;
    forEachLine(content, 7, [&lines](const QList<QByteArrayView> &f) {
        const auto uid = parseId(f.at(2));
        const auto gid = parseId(f.at(3));
        if (!uid || !gid)
            return;
        lines.append({*uid,
                      StateItem{{},
                                {{u"name"_s, boundedText(f.at(0), kMaxNameBytes)},
                                 {u"gid"_s, *gid},
                                 {u"home"_s, boundedText(f.at(5), kMaxFieldBytes)},
                                 {u"shell"_s, boundedText(f.at(6), kMaxFieldBytes)}}}});
    });
    return merged(lines, "uid:"_L1);
}

QList<StateItem> groupItems(QByteArrayView content)
{
    QList<std::pair<qint64, StateItem>> lines;
    forEachLine(content, 4, [&lines](const QList<QByteArrayView> &f) {
        const auto gid = parseId(f.at(2));
        if (!gid)
            return;
        lines.append({*gid,
                      StateItem{{},
                                {{u"name"_s, boundedText(f.at(0), kMaxNameBytes)},
                                 {u"members"_s, boundedText(f.at(3), kMaxFieldBytes)}}}});
    });
    return merged(lines, "gid:"_L1);
}

AccountsCheck::AccountsCheck(const CheckOptions &options)
    : m_root(options.root)
{
}

Expected<QList<StateItem>> AccountsCheck::observe()
{
    QList<StateItem> items;
    for (const char *file : {"/etc/passwd", "/etc/group"}) {
        const QByteArray path = underRoot(m_root, file);
        const auto content = readBounded(path, kMaxAccountFileBytes, true);
        if (!content)
            return content.error();
        items.append(std::string_view(file) == "/etc/passwd" ? passwdItems(*content) : groupItems(*content));
        if (items.size() > kMaxAccounts)
            return Error{u"%1: more than %2 accounts and groups; none are recorded"_s.arg(QString::fromUtf8(path))
                             .arg(kMaxAccounts)};
    }
    return uniqueSorted(std::move(items));
}

} // namespace Flight::Integrity
