// SPDX-License-Identifier: GPL-3.0-or-later
// Loaded kernel modules (/proc/modules) and where their files are (modules.dep of the running kernel): pure parsers,
// tested on fixtures. Hostile input: a malformed line is an error naming the line and the reason; names and
// numbers are checked and bounded.
#pragma once

#include "expected.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Flight::Integrity {

struct ProcModule
{
    QString name;
    qint64 size = 0;
    qint64 refcount = -1; // -1: the kernel cannot unload modules and prints "-"
    QString state; // as the kernel writes it: Live, Loading, Unloading
    QString taints; // "OE" from "(OE)", or empty
    bool operator==(const ProcModule &) const = default;
};

// "name size refcount deps state address [(taints)]" per line.
Expected<QList<ProcModule>> parseProcModules(QByteArrayView content);

// modules.dep: "path: dependency paths". Maps each module's name (file name without .ko and compression suffix,
// '-' written as '_', as the kernel names modules) to its path: absolute, or relative to the modules directory.
Expected<QHash<QString, QByteArray>> parseModulesDep(QByteArrayView content);

// The kernel's name for a module file name ("snd-hda-intel.ko.zst" -> "snd_hda_intel"); empty when it is not one.
QString moduleNameOfFile(QByteArrayView fileName);

} // namespace Flight::Integrity
