// SPDX-License-Identifier: GPL-3.0-or-later
#include "inboxwatcher.h"

#include "database.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

Q_LOGGING_CATEGORY(lcInbox, "flightdeck.inbox", QtInfoMsg)

namespace Deck::Pull {

InboxWatcher::InboxWatcher(Database &db, InboxOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(std::move(options))
{
    m_options.dir = QFileInfo(m_options.dir).absoluteFilePath();
    m_status.dir = m_options.dir;
    loadRulesFolder(m_options.import); // once for the watch, not per scan
    m_soon.setSingleShot(true);
    connect(&m_soon, &QTimer::timeout, this, [this] { (void)scanOnce(); });
    connect(&m_rescan, &QTimer::timeout, this, [this] { (void)scanOnce(); });
    // A change is often a file still being written: wait a little so that a burst of events becomes one scan.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { scheduleScan(200); });
}

InboxWatcher::~InboxWatcher() = default;

Expected<void> InboxWatcher::start()
{
    const QFileInfo dir(m_options.dir);
    if (!dir.isDir())
        return storeError(StoreReason::NotFound,
                          u"inbox %1: %2"_s.arg(m_options.dir, dir.exists() ? u"not a folder"_s : u"no such folder"_s));
    if (!dir.isReadable() || !dir.isExecutable())
        return storeError(StoreReason::NotFound, u"inbox %1: the folder cannot be read"_s.arg(m_options.dir));
    m_status.watching = true;
    m_rescan.start(std::max(100, m_options.rescanMs));
    (void)scanOnce();
    return {};
}

void InboxWatcher::stop()
{
    m_status.watching = false;
    m_rescan.stop();
    m_soon.stop();
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    Q_EMIT statusChanged(m_status);
}

void InboxWatcher::scheduleScan(int delayMs)
{
    if (!m_status.watching)
        return;
    if (!m_soon.isActive() || m_soon.remainingTime() > delayMs)
        m_soon.start(delayMs);
}

QList<ImportOutcome> InboxWatcher::scanOnce()
{
    if (m_scanning) // an outcome handler that re-entered the event loop
        return {};
    m_scanning = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList ready;
    QStringList dirs{m_options.dir};
    QSet<QString> present;
    int waiting = 0;
    m_nextSettleMs = -1;
    if (!QFileInfo(m_options.dir).isDir())
        m_status.lastError = u"inbox %1: the folder is gone"_s.arg(m_options.dir);
    // No hidden files (rsync and sftp clients write those first), no symbolic links (a link may point anywhere).
    QDirIterator it(m_options.dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            dirs.append(path);
            continue;
        }
        if (!info.fileName().endsWith(u".frec"_s)) // *.part: an upload not yet renamed into place
            continue;
        present.insert(path);
        const qint64 modified = info.lastModified().toMSecsSinceEpoch();
        Seen &seen = m_seen[path];
        if (seen.size != info.size() || seen.modifiedMs != modified)
            seen = Seen{info.size(), modified, false};
        if (seen.handled)
            continue;
        if (const qint64 age = now - modified; age < m_options.settleMs) {
            ++waiting;
            const qint64 left = m_options.settleMs - std::max<qint64>(age, 0);
            m_nextSettleMs = m_nextSettleMs < 0 ? left : std::min(m_nextSettleMs, left);
            continue;
        }
        ready.append(path);
    }
    for (auto gone = m_seen.begin(); gone != m_seen.end();)
        gone = present.contains(gone.key()) ? std::next(gone) : m_seen.erase(gone);
    if (m_status.watching) {
        const QStringList watched = m_watcher.directories();
        for (const QString &dir : std::as_const(dirs)) {
            if (!watched.contains(dir))
                m_watcher.addPath(dir);
        }
    }

    QList<ImportOutcome> outcomes;
    Importer importer(m_db, m_options.import);
    importer.setCancelFlag(m_cancel);
    for (const QString &path : Importer::findArchives(ready)) {
        if (cancelled())
            break;
        ImportOutcome outcome = importer.importFile(path);
        if (outcome.status != ImportStatus::Cancelled)
            m_seen[path].handled = true;
        count(outcome);
        qCDebug(lcInbox).noquote() << outcome.message;
        Q_EMIT archiveDone(outcome);
        outcomes.append(std::move(outcome));
    }
    importer.matchNewData(); // indicators (issue 10)
    m_status.waiting = waiting;
    if (m_nextSettleMs >= 0)
        scheduleScan(int(std::min<qint64>(m_nextSettleMs + 50, m_options.settleMs + 50)));
    m_scanning = false;
    Q_EMIT statusChanged(m_status);
    return outcomes;
}

void InboxWatcher::count(const ImportOutcome &outcome)
{
    switch (outcome.status) {
    case ImportStatus::Imported:
        ++m_status.imported;
        m_status.lastImportMs = QDateTime::currentMSecsSinceEpoch();
        m_status.lastImport = outcome.message;
        return;
    case ImportStatus::AlreadyImported:
    case ImportStatus::AlreadyHeld:
        ++m_status.alreadyInCase;
        return;
    case ImportStatus::Quarantined:
    case ImportStatus::Fork:
        ++m_status.held;
        break;
    case ImportStatus::Invalid:
    case ImportStatus::Refused:
    case ImportStatus::Failed:
        ++m_status.rejected;
        break;
    case ImportStatus::Cancelled:
        return;
    }
    m_status.lastError = outcome.message;
}

} // namespace Deck::Pull
