// SPDX-License-Identifier: GPL-3.0-or-later
#include "modulescheck.h"

#include "hostfiles.h"
#include "procmodules.h"
#include "statediff.h"

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

constexpr qint64 kMaxProcModulesBytes = 4LL << 20;
constexpr qint64 kMaxModulesDepBytes = 32LL << 20;

} // namespace

ModulesCheck::ModulesCheck(const CheckOptions &options)
    : m_root(options.root)
    , m_digester(options.maxFileBytes)
{
}

Expected<QList<Format::StateItem>> ModulesCheck::observe()
{
    const QByteArray procModules = underRoot(m_root, "/proc/modules");
    const auto content = readBounded(procModules, kMaxProcModulesBytes, true);
    if (!content)
        return content.error();
    const auto modules = parseProcModules(*content);
    if (!modules)
        return Error{u"%1: %2"_s.arg(QString::fromUtf8(procModules), modules.error().message)};
    if (modules->isEmpty())
        return QList<Format::StateItem>();

    QHash<QString, QByteArray> files;
    const auto release = readBounded(underRoot(m_root, "/proc/sys/kernel/osrelease"), 256);
    if (!release)
        return release.error();
    const QByteArray version = release->trimmed();
    const QByteArray modulesDir = "/lib/modules/" + version + '/';
    if (!version.isEmpty() && !version.contains('/') && version != ".." && version != ".") {
        const QByteArray depPath = underRoot(m_root, modulesDir + "modules.dep");
        const auto dep = readBounded(depPath, kMaxModulesDepBytes, true);
        if (!dep)
            return dep.error();
        auto parsed = parseModulesDep(*dep);
        if (!parsed)
            return Error{u"%1: %2"_s.arg(QString::fromUtf8(depPath), parsed.error().message)};
        files = std::move(*parsed);
    }

    m_digester.startRound();
    QList<Format::StateItem> items;
    for (const ProcModule &m : *modules) {
        Format::StateItem item{m.name, {{u"size"_s, m.size}, {u"state"_s, m.state}}};
        if (m.refcount >= 0)
            item.attrs.insert(u"refcount"_s, m.refcount);
        if (const auto file = files.constFind(m.name); file != files.cend()) {
            const QByteArray hostPath = file->startsWith('/') ? *file : modulesDir + *file;
            item.attrs.insert(u"file"_s, itemText(hostPath));
            if (const auto digest = m_digester.digest(underRoot(m_root, hostPath)))
                item.attrs.insert(u"digest"_s, *digest);
        }
        items.append(std::move(item));
    }
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
