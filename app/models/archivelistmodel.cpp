// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivelistmodel.h"

#include "displaytext.h"

namespace Deck::Models {

ArchiveListModel::ArchiveListModel(CaseSession &session, QObject *parent)
    : CaseTableModel(session, parent)
{
    connect(&session, &CaseSession::closed, this, [this] {
        m_host.reset();
        clear();
    });
}

void ArchiveListModel::setHost(std::optional<qint64> hostId)
{
    if (hostId == m_host)
        return;
    m_host = hostId;
    reload();
}

void ArchiveListModel::reload()
{
    if (!m_host) {
        clear();
        return;
    }
    const qint64 hostId = *m_host;
    fetch([hostId](Core::Database &db) { return Core::HostArchiveQueries(db).archives(hostId); },
          [this](QList<Core::ArchiveRow> rows) {
              beginResetModel();
              m_rows = std::move(rows);
              endResetModel();
          });
}

void ArchiveListModel::clear()
{
    dropPending();
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ArchiveListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArchiveListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArchiveListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[ColumnCount]
        = {QT_TR_NOOP("Seq"),     QT_TR_NOOP("From (UTC)"),     QT_TR_NOOP("To (UTC)"),   QT_TR_NOOP("Events"),
           QT_TR_NOOP("Verdict"), QT_TR_NOOP("Chain"),          QT_TR_NOOP("Digest"),     QT_TR_NOOP("Signer"),
           QT_TR_NOOP("Source"),  QT_TR_NOOP("Imported (UTC)"), QT_TR_NOOP("Imported by")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

QString ArchiveListModel::text(const Core::ArchiveRow &a, int column) const
{
    switch (column) {
    case Seq:
        return QString::number(a.seq);
    case From:
        return utcText(a.firstTs, kTableTimePrecision);
    case To:
        return utcText(a.lastTs, kTableTimePrecision);
    case Events:
        return QString::number(a.events);
    case Verdict: {
        // Only verified archives are imported: a signature, digest or chain failure leaves an archive out.
        QStringList parts{tr("verified")};
        if (a.encrypted)
            parts << tr("encrypted");
        if (a.recovered)
            parts << tr("recovered after a crash");
        return parts.join(QStringLiteral(", "));
    }
    case Chain:
        if (a.chain == QLatin1String("gap"))
            return tr("gap: %n missing before", nullptr, int(a.missingBefore));
        if (a.chain == QLatin1String("late"))
            return tr("late (fills a gap)");
        if (a.chain == QLatin1String("first"))
            return tr("first");
        return a.chain == QLatin1String("intact") ? tr("intact") : a.chain;
    case Digest:
        return shortId(a.digest, 16);
    case Signer:
        return shortId(a.signerFingerprint);
    case Source:
        return a.source;
    case Imported:
        return utcText(a.importedTs, kTableTimePrecision);
    case ImportedBy:
        return a.importedBy;
    }
    return {};
}

QVariant ArchiveListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::ArchiveRow &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(a, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case From:
        case To:
            return tr("%1 (UTC ns %2)").arg(text(a, index.column())).arg(index.column() == From ? a.firstTs : a.lastTs);
        case Digest:
            return tr("digest %1\nprevious %2").arg(a.digest, a.prevDigest);
        case Signer:
            return a.signerFingerprint;
        case Source:
            return a.source;
        case Verdict:
            return tr("signature, entry digests and hash chain verified on import; collector %1")
                .arg(a.collectorVersion);
        }
        return text(a, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Chain && (a.chain == QLatin1String("gap") || a.chain == QLatin1String("late")))
            return warningColor();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Seq || index.column() == Events)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

} // namespace Deck::Models
