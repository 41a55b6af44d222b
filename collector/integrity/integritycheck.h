// SPDX-License-Identifier: GPL-3.0-or-later
// One integrity check (FORMAT.md §2.4 `state.snapshot`): observe() returns the full current state as items, sorted
// by id, ids unique, attributes exactly those FORMAT.md defines for the check. The caller keeps the previous list
// and diffs it (statediff.h). Every check reads the host below CheckOptions::root, so tests run it on a fixture tree
// (the bpf check asks the kernel and has no root).
//
// Contract: observe() blocks (it reads files, hashes them, may run rpm): call it off any event loop that must stay
// responsive. An instance is used by one thread at a time; different instances are independent. A failure is one
// Error naming the object and the reason; the previous state stays valid, no partial list is returned. A check that
// builds its state over several calls (packagefiles) fails with code kNotReady until its state is complete: that is
// progress, not a fault.
#pragma once

#include "event.h"
#include "expected.h"

#include <QSet>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace Flight::Integrity {

// Error::code of an observe() that has no complete state yet and makes progress with every call.
inline constexpr int kNotReady = 1;

class IntegrityCheck
{
public:
    virtual ~IntegrityCheck() = default;
    // The check's name in state events: packages, packagefiles, modules, bpf, files, logins, accounts,
    // listeners.
    virtual QString name() const = 0;
    virtual Expected<QList<Format::StateItem>> observe() = 0;
};

// The watched paths of the issue: /boot, account and sudo files, ld.so.preload, authorized_keys, systemd units, cron.
// A `*` matches one path component (no dot files); everything else is literal.
QStringList defaultWatchedPaths();

struct CheckOptions
{
    QString root = QStringLiteral("/"); // host tree the checks read; a fixture tree in tests
    QStringList watchedPaths = defaultWatchedPaths(); // absolute host paths, files or directories
    qint64 maxFileBytes = 256LL << 20; // files hashed by the files and modules checks; larger: no digest
    qint64 maxWatchedEntries = 4000; // items of the files check; keeps one snapshot line well under 1 MiB
    int maxWatchedDepth = 8; // directory levels below a watched directory
    bool rpm = true; // packages: also ask rpm when it and an rpm database exist
    QString dpkgAdminDir = QStringLiteral("/var/lib/dpkg"); // packages, packagefiles: dpkg's --admindir, under root
    bool packageFiles = false; // run packagefiles (opt-in: it reads every file of every dpkg package)
    qint64 packageFilesBudget = 256LL << 20; // packagefiles: bytes hashed per observe()
    std::chrono::milliseconds packageFilesRecheck = std::chrono::hours(24); // packagefiles: every package again
    // The collector's own BPF program ids at the time of the call (marked `own`); empty when unset.
    std::function<QSet<quint32>()> ownBpfPrograms;
};

// The check of that name, or nullptr for an unknown name.
std::unique_ptr<IntegrityCheck> makeCheck(QStringView name, const CheckOptions &options);
// The enabled checks (the seven, and packagefiles when options.packageFiles), in FORMAT.md order.
std::vector<std::unique_ptr<IntegrityCheck>> makeChecks(const CheckOptions &options);
// All check names (packagefiles included), in FORMAT.md order.
QStringList checkNames();

} // namespace Flight::Integrity
