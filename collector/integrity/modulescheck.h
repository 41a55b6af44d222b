// SPDX-License-Identifier: GPL-3.0-or-later
// The `modules` check: every loaded module of <root>/proc/modules (size, refcount, state) with its file and the
// file's BLAKE2b-256, the file found through modules.dep of the running kernel (<root>/proc/sys/kernel/osrelease,
// <root>/lib/modules/<release>/modules.dep). A module the kernel loaded from elsewhere (insmod of a path outside
// the modules tree, a file since deleted) has no `file` nor `digest`: the kernel does not say where a module came
// from. The digest is of the file at that path now, which need not be what was loaded. Built-in modules are not in
// /proc/modules and are not items. A kernel without module support (no /proc/modules) has no modules: an empty list.
#pragma once

#include "filedigester.h"
#include "integritycheck.h"

namespace Flight::Integrity {

class ModulesCheck : public IntegrityCheck
{
public:
    explicit ModulesCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("modules"); }
    Expected<QList<Format::StateItem>> observe() override;

private:
    QString m_root;
    FileDigester m_digester;
};

} // namespace Flight::Integrity
