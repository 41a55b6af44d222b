// SPDX-License-Identifier: GPL-3.0-or-later
// What the case recorded of a process beyond ProcessRow: the rest of its image (from its latest exec or snapshot:
// tty, login uid and session, cgroup, the executable's digest, the allow-listed environment, whether argv was cut)
// and its effective ids. Each is absent when no event of the process carried it (a fork without an exec, an
// exec of an older collector, exe_digest not proved): the detail views say "not recorded", never guess.
// Thread: the Database's thread. Errors: the store's, naming the database or the process.
#pragma once

#include "querytypes.h"

#include <QPair>

namespace Deck::Core {

struct ProcessImageRow
{
    qint64 id = 0;
    QString imageKind; // "proc.exec" or "proc.snapshot"; empty when only forks, exits or connections named it
    std::optional<qint64> imageTs;
    bool argvTruncated = false;
    std::optional<qint64> euid;
    std::optional<qint64> gid;
    std::optional<qint64> egid;
    // The names of euid, gid and egid on the host as of the process's latest ids (its latest image or credential
    // change, else its start: as ProcessRow::userName); empty: unknown (accountnames.h).
    QString euidName;
    QString gidName;
    QString egidName;
    std::optional<qint64> loginuid;
    std::optional<qint64> sessionid;
    QString tty;
    QByteArray cgroup;
    QString exeDigest; // BLAKE2b-256, hex; empty when not proved (FORMAT.md, proc.exec)
    QList<QPair<QString, QByteArray>> env; // by name; the value is raw bytes
    bool exitCore = false;
};

class ProcessImageQueries
{
public:
    explicit ProcessImageQueries(Database &db);

    Expected<ProcessImageRow> image(qint64 processId);

private:
    Database &m_db;
};

// "NAME=value" elements separated by NUL (how the importer stores env) as (name, value) pairs; an element without
// '=' is kept as a name with an empty value.
QList<QPair<QString, QByteArray>> splitEnv(const QByteArray &stored);

} // namespace Deck::Core
