// SPDX-License-Identifier: GPL-3.0-or-later
#include "procmodules.h"

#include "hostfiles.h"

#include <cctype>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

constexpr qsizetype kMaxModuleName = 64; // MODULE_NAME_LEN is 56

bool validName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > kMaxModuleName)
        return false;
    for (char c : name) {
        if (!(std::isalnum(uchar(c)) || c == '_' || c == '-'))
            return false;
    }
    return true;
}

std::optional<qint64> number(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.toByteArray().toLongLong(&ok, 10);
    return ok && value >= 0 && std::isdigit(uchar(text.front())) ? std::optional<qint64>(value) : std::nullopt;
}

Expected<ProcModule> parseLine(const QByteArray &line)
{
    const QList<QByteArray> f = line.simplified().split(' ');
    if (f.size() < 6 || f.size() > 7)
        return Error{u"expected 6 or 7 fields, got %1"_s.arg(f.size())};
    if (!validName(f[0]))
        return Error{u"invalid module name '%1'"_s.arg(itemText(f[0].left(80)))};
    ProcModule m;
    m.name = QString::fromLatin1(f[0]);
    const auto size = number(f[1]);
    if (!size)
        return Error{u"module %1: size '%2' is not a number"_s.arg(m.name, itemText(f[1].left(32)))};
    m.size = *size;
    if (f[2] != "-") {
        const auto refcount = number(f[2]);
        if (!refcount)
            return Error{u"module %1: refcount '%2' is not a number"_s.arg(m.name, itemText(f[2].left(32)))};
        m.refcount = *refcount;
    }
    if (f[4] != "Live" && f[4] != "Loading" && f[4] != "Unloading")
        return Error{u"module %1: unknown state '%2'"_s.arg(m.name, itemText(f[4].left(32)))};
    m.state = QString::fromLatin1(f[4]);
    if (f.size() == 7) {
        const QByteArray &t = f[6];
        if (t.size() < 3 || t.size() > 34 || !t.startsWith('(') || !t.endsWith(')'))
            return Error{u"module %1: taint flags '%2' are not '(LETTERS)'"_s.arg(m.name, itemText(t.left(40)))};
        for (char c : t.sliced(1, t.size() - 2)) {
            if (!std::isupper(uchar(c)))
                return Error{u"module %1: taint flags '%2' are not '(LETTERS)'"_s.arg(m.name, itemText(t))};
        }
        m.taints = QString::fromLatin1(t.sliced(1, t.size() - 2));
    }
    return m;
}

} // namespace

Expected<QList<ProcModule>> parseProcModules(QByteArrayView content)
{
    QList<ProcModule> modules;
    qsizetype number = 0;
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        auto module = parseLine(line);
        if (!module)
            return Error{u"modules line %1: %2"_s.arg(number).arg(module.error().message)};
        modules.append(std::move(*module));
    }
    return modules;
}

QString moduleNameOfFile(QByteArrayView fileName)
{
    QByteArray name = fileName.toByteArray();
    for (const char *suffix : {".xz", ".zst", ".gz"}) {
        if (name.endsWith(suffix)) {
            name.chop(qstrlen(suffix));
            break;
        }
    }
    if (!name.endsWith(".ko"))
        return {};
    name.chop(3);
    name.replace('-', '_');
    return validName(name) ? QString::fromLatin1(name) : QString();
}

Expected<QHash<QString, QByteArray>> parseModulesDep(QByteArrayView content)
{
    QHash<QString, QByteArray> files;
    qsizetype number = 0;
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        const QByteArray path = colon > 0 ? line.first(colon) : QByteArray();
        const QString name = moduleNameOfFile(path.mid(path.lastIndexOf('/') + 1));
        if (name.isEmpty() || path.contains("/../") || path.startsWith("../") || path.size() > 4096)
            return Error{u"modules.dep line %1: expected '<path>.ko[.xz|.zst|.gz]: dependencies'"_s.arg(number)};
        if (!files.contains(name)) // depmod lists the file that modprobe loads first
            files.insert(name, path);
    }
    return files;
}

} // namespace Flight::Integrity
