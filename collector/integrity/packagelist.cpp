// SPDX-License-Identifier: GPL-3.0-or-later
#include "packagelist.h"

#include "hostfiles.h"
#include "statediff.h"

#include <QMap>
#include <cctype>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

constexpr qsizetype kMaxField = 256;

// Package names, versions and architectures of both worlds: letters, digits and + - . ~ : _ (no spaces, no
// control characters), bounded.
bool plausible(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > kMaxField)
        return false;
    for (char c : value) {
        if (!(std::isalnum(uchar(c)) || c == '+' || c == '-' || c == '.' || c == '~' || c == ':' || c == '_'))
            return false;
    }
    return true;
}

struct Stanza
{
    qsizetype line = 0;
    QMap<QByteArray, QByteArray> fields;
};

Expected<Package> dpkgPackage(const Stanza &stanza)
{
    const QByteArray name = stanza.fields.value("package");
    const QByteArray version = stanza.fields.value("version");
    const QByteArray arch = stanza.fields.value("architecture");
    const auto fail
        = [&](const QString &reason) { return Error{u"dpkg status line %1: %2"_s.arg(stanza.line).arg(reason)}; };
    if (!plausible(name))
        return fail(u"stanza without a valid Package name"_s);
    if (!plausible(version))
        return fail(u"package '%1' has no valid Version"_s.arg(QString::fromUtf8(name)));
    if (!plausible(arch))
        return fail(u"package '%1' has no valid Architecture"_s.arg(QString::fromUtf8(name)));
    return Package{QString::fromLatin1(name), QString::fromLatin1(version), QString::fromLatin1(arch), u"dpkg"_s};
}

bool installed(const QByteArray &status)
{
    const QList<QByteArray> words = status.simplified().split(' ');
    return words.size() == 3 && words[1] == "ok"
        && (words[2] == "installed" || words[2] == "triggers-pending" || words[2] == "triggers-awaited");
}

} // namespace

Expected<QList<Package>> parseDpkgStatus(QByteArrayView content)
{
    QList<Package> packages;
    Stanza stanza;
    QByteArray lastField;
    const auto finish = [&]() -> Expected<void> {
        if (!stanza.fields.isEmpty() && installed(stanza.fields.value("status"))) {
            auto package = dpkgPackage(stanza);
            if (!package)
                return package.error();
            packages.append(std::move(*package));
        }
        stanza = {};
        lastField.clear();
        return {};
    };
    qsizetype number = 0;
    for (QByteArrayView line : content.toByteArray().split('\n')) {
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty()) {
            if (auto done = finish(); !done)
                return done.error();
            continue;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (lastField.isEmpty())
                return Error{u"dpkg status line %1: continuation line without a field"_s.arg(number)};
            continue; // multi-line values (Description, Conffiles) are not used
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Error{u"dpkg status line %1: expected 'Field: value'"_s.arg(number)};
        if (stanza.fields.isEmpty())
            stanza.line = number;
        lastField = line.first(colon).toByteArray().toLower();
        if (stanza.fields.contains(lastField))
            return Error{u"dpkg status line %1: repeated field '%2'"_s.arg(number).arg(
                QString::fromUtf8(line.first(colon)).left(64))};
        stanza.fields.insert(lastField, line.sliced(colon + 1).trimmed().toByteArray());
    }
    if (auto done = finish(); !done)
        return done.error();
    return packages;
}

Expected<QList<Package>> parseRpmQuery(QByteArrayView output)
{
    QList<Package> packages;
    qsizetype number = 0;
    for (const QByteArray &line : output.toByteArray().split('\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        const QList<QByteArray> f = line.split('\t');
        if (f.size() != 5)
            return Error{u"rpm query line %1: expected 5 tab-separated fields, got %2"_s.arg(number).arg(f.size())};
        const QByteArray epoch = f[1] == "(none)" ? QByteArray() : f[1];
        const QByteArray arch = f[4] == "(none)" ? QByteArray("none") : f[4];
        if (!plausible(f[0]) || !plausible(f[2]) || !plausible(f[3]) || !plausible(arch)
            || (!epoch.isEmpty() && !plausible(epoch)))
            return Error{u"rpm query line %1: invalid name, version, release or architecture"_s.arg(number)};
        const QByteArray version = (epoch.isEmpty() ? QByteArray() : epoch + ':') + f[2] + '-' + f[3];
        packages.append({QString::fromLatin1(f[0]), QString::fromLatin1(version), QString::fromLatin1(arch), u"rpm"_s});
    }
    return packages;
}

QList<Format::StateItem> packageItems(const QList<Package> &packages)
{
    QMap<QString, QList<const Package *>> byId;
    for (const Package &p : packages)
        byId[p.name + u':' + p.arch].append(&p);
    QList<Format::StateItem> items;
    for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
        const Package &first = *it->front();
        QStringList versions;
        for (const Package *p : *it)
            versions.append(p->version);
        versions.sort();
        versions.removeDuplicates();
        items.append({it.key(),
                      {{u"name"_s, first.name},
                       {u"version"_s, itemText(versions.join(u", "_s).toUtf8())},
                       {u"arch"_s, first.arch},
                       {u"source"_s, first.source}}});
    }
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
