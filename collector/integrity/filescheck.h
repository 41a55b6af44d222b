// SPDX-License-Identifier: GPL-3.0-or-later
// The `files` check: /boot and the configured watched paths (CheckOptions::watchedPaths), read below the root prefix.
// A watched directory is walked recursively (entries in name order, at most maxWatchedDepth levels, at most
// maxWatchedEntries items over all paths: the rest is left out, deterministically, and truncated() says so).
// Symbolic links are never followed, neither when walking nor when hashing. A `*` in a watched path matches one
// component (fnmatch, no leading dot); a pattern that matches nothing gives no item.
//
// Items (FORMAT.md §2.4), id = the absolute host path (non-UTF-8 bytes as \xNN):
//  - kind `file`: digest (BLAKE2b-256 hex of the content; absent when larger than maxFileBytes, unreadable, or not a
//    regular file: fifos, sockets and devices are `file` without digest), size, mode, uid, gid, mtime_ts;
//  - kind `link`: digest of the link's target text (a retargeted link changes it), size, mode, uid, gid, mtime_ts;
//  - kind `dir`: mode, uid, gid (no size or mtime: what changed inside is its own item);
//  - kind `missing`: a watched path (not a pattern) that does not exist; nothing else.
// `mode` is the permission bits as 4 octal digits ("0644", "4755"); mtime_ts is UTC ns.
// Digests are cached per file version (FileDigester), so a periodic sweep re-reads only what changed; the recorder
// may call observe() again whenever fanotify reports a write under watches().
#pragma once

#include "filedigester.h"
#include "integritycheck.h"

namespace Flight::Integrity {

class FilesCheck : public IntegrityCheck
{
public:
    explicit FilesCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("files"); }
    Expected<QList<Format::StateItem>> observe() override;

    // Whether host path `path` is a watched path or lies below one (patterns included): whether a change there
    // should trigger observe().
    bool watches(QByteArrayView path) const;
    // Whether the last observe() left entries out (maxWatchedEntries).
    bool truncated() const { return m_truncated; }

private:
    void add(const QByteArray &hostPath, int depth, QList<Format::StateItem> &items);
    QList<QByteArray> expand(const QByteArray &pattern) const;

    QString m_root;
    QList<QByteArray> m_watched;
    qint64 m_maxEntries;
    int m_maxDepth;
    FileDigester m_digester;
    bool m_truncated = false;
};

} // namespace Flight::Integrity
