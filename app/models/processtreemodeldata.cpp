// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessTreeModel: what its cells show, and reveal() (the way down to a process, fetched level by level).
#include "caseworker.h"
#include "processqueries.h"
#include "processtext.h"
#include "processtreemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFutureWatcher>

namespace Deck::Models {

namespace {

QVariant processCell(const Core::ProcessRow &row, int column)
{
    switch (column) {
    case ProcessTreeModel::ProcessColumn:
        if (const QString end = ProcessText::chainEndShort(row); !end.isEmpty())
            return ProcessTreeModel::tr("%1  [%2]").arg(ProcessText::name(row), end);
        return ProcessText::name(row);
    case ProcessTreeModel::PidColumn:
        return row.pid;
    case ProcessTreeModel::UserColumn:
        return ProcessText::user(row.uid, row.userName);
    case ProcessTreeModel::StartColumn:
        return ProcessText::time(row.startTs);
    case ProcessTreeModel::ExitColumn:
        return ProcessText::exit(row);
    case ProcessTreeModel::ArgvColumn:
        return ProcessText::argvLine(row);
    default:
        return {};
    }
}

QString processToolTip(const Core::ProcessRow &row, bool context)
{
    QStringList lines{ProcessTreeModel::tr("%1 (pid %2), started %3 UTC")
                          .arg(ProcessText::name(row))
                          .arg(row.pid)
                          .arg(ProcessText::time(row.startTs))};
    if (row.exitTs)
        lines << ProcessTreeModel::tr("Ended %1 UTC: %2").arg(ProcessText::time(*row.exitTs), ProcessText::exit(row));
    else if (row.lastTs)
        lines << ProcessTreeModel::tr("No exit recorded; last seen %1 UTC").arg(ProcessText::time(*row.lastTs));
    if (const QString end = ProcessText::chainEnd(row); !end.isEmpty())
        lines << ProcessTreeModel::tr("The chain of parents ends here: %1").arg(end);
    if (context)
        lines << ProcessTreeModel::tr("Outside the user or time filter: shown because processes below it may match");
    lines << ProcessText::argvLine(row, 2000);
    return ProcessText::toolTip(lines.join(QLatin1Char('\n')));
}

} // namespace

QVariant ProcessTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    const int column = index.column();
    if (role == RowKindRole)
        return int(node->kind);
    if (role == HostIdRole && node->kind != Node::Kind::Placeholder)
        return node->hostId;
    if (role == ProcessIdRole && node->kind == Node::Kind::Process)
        return node->process.id;

    switch (node->kind) {
    case Node::Kind::Root:
        return {};
    case Node::Kind::Placeholder:
        if (role == Qt::DisplayRole && column == ProcessColumn)
            return tr("Loading...");
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (role == Qt::FontRole) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Node::Kind::Host:
        if (role == Qt::DisplayRole && column == ProcessColumn)
            return node->hostname;
        if (role == Qt::ToolTipRole)
            return ProcessText::toolTip(
                tr("Host %1: its processes without a parent in the case are listed below it").arg(node->hostname));
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Node::Kind::Process:
        break;
    }

    const Core::ProcessRow &row = node->process;
    const ObjectMarks marks = marksOf(m_notes, m_bookmarked, {int(Core::ObjectType::Process), row.id});
    switch (role) {
    case Qt::DisplayRole:
        return processCell(row, column);
    case Qt::ToolTipRole:
        return !marks.any() ? processToolTip(row, node->context)
                            : markToolTip(marks) + QStringLiteral("\n\n") + processToolTip(row, node->context);
    case Qt::DecorationRole:
        // The marks' marker before the name (as in the events table), or a blank in its place: the names of
        // siblings line up.
        return column == ProcessColumn ? markDecoration(marks) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == PidColumn || column == UserColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Exited processes grey; those shown only as the way to their children lighter still.
        if (node->context)
            return QBrush(QColor(0xa8, 0xa8, 0xa8));
        if (ProcessText::exited(row))
            return QBrush(QColor(0x7a, 0x7a, 0x7a));
        return {};
    case Qt::FontRole:
        if (node->context || (column == ProcessColumn && !ProcessText::chainEnd(row).isEmpty())) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProcessColumn:
        return tr("Process");
    case PidColumn:
        return tr("PID");
    case UserColumn:
        return tr("User");
    case StartColumn:
        return tr("Started (UTC)");
    case ExitColumn:
        return tr("Exit");
    case ArgvColumn:
        return tr("Command line");
    default:
        return {};
    }
}

void ProcessTreeModel::reveal(qint64 processId)
{
    m_revealPath.clear();
    m_revealHost.reset();
    if (!m_worker)
        return;
    const quint64 generation = m_generation;
    const quint64 serial = ++m_revealSerial; // a later reveal() wins over this one
    using Way = Core::Expected<std::pair<qint64, QList<qint64>>>;
    auto *watcher = new QFutureWatcher<Way>(this);
    connect(watcher, &QFutureWatcher<Way>::finished, this, [this, watcher, generation, serial] {
        watcher->deleteLater();
        track(-1);
        if (watcher->future().resultCount() == 0 || generation != m_generation || serial != m_revealSerial)
            return;
        const Way way = watcher->result();
        if (!way) {
            Q_EMIT revealFailed(way.error().message);
            return;
        }
        m_revealHost = way->first;
        m_revealPath = way->second;
        continueReveal();
    });
    track(+1);
    watcher->setFuture(m_worker->run([processId](Core::Database &db) -> Way {
        Core::ProcessQueries queries(db);
        auto process = queries.process(processId);
        if (!process)
            return process.error();
        auto ancestors = queries.ancestors(processId);
        if (!ancestors)
            return ancestors.error();
        QList<qint64> path;
        for (auto it = ancestors->crbegin(); it != ancestors->crend(); ++it)
            path.append(it->id);
        path.append(processId);
        return std::pair{process->hostId, path};
    }));
}

void ProcessTreeModel::continueReveal()
{
    if (m_revealPath.isEmpty() || !m_revealHost)
        return;
    Node *node = m_root.get();
    if (!m_filter.host) {
        Node *host = node->childHost(*m_revealHost);
        if (!host) {
            if (node->fetch == Node::Fetch::Fetching)
                return;
            return failReveal(tr("its host is not in the case"));
        }
        node = host;
    } else if (*m_filter.host != *m_revealHost) {
        return failReveal(tr("it is on another host than the one shown"));
    }
    for (const qint64 id : std::as_const(m_revealPath)) {
        Node *child = node->childProcess(id);
        if (child) {
            node = child;
            continue;
        }
        if (node->fetch == Node::Fetch::Fetching)
            return; // continued when the page lands
        if (canFetch(node)) {
            fetch(node);
            return;
        }
        return failReveal(id == m_revealPath.constLast() ? tr("it is outside the user or time filter")
                                                         : tr("a process above it is outside the user or time filter"));
    }
    m_revealPath.clear();
    m_revealHost.reset();
    Q_EMIT revealed(indexOf(node));
}

void ProcessTreeModel::failReveal(const QString &reason)
{
    if (m_revealPath.isEmpty())
        return;
    m_revealPath.clear();
    m_revealHost.reset();
    Q_EMIT revealFailed(reason);
}

void ProcessTreeModel::setMarks(const NoteTexts &notes, const BookmarkedObjects &bookmarked)
{
    // Every shown row may gain or lose its marker: the views repaint, nothing moves.
    Q_EMIT layoutAboutToBeChanged();
    m_notes = notes;
    m_bookmarked = bookmarked;
    Q_EMIT layoutChanged();
}

} // namespace Deck::Models
