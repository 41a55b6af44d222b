// SPDX-License-Identifier: GPL-3.0-or-later
#include "heldarchivemodel.h"

#include "displaytext.h"

#include <QFileInfo>

namespace Deck::Models {

HeldArchiveModel::HeldArchiveModel(CaseSession &session, QObject *parent)
    : CaseTableModel(session, parent)
{
    connect(&session, &CaseSession::opened, this, &HeldArchiveModel::reload);
    connect(&session, &CaseSession::closed, this, &HeldArchiveModel::clear);
    if (session.isOpen())
        reload();
}

void HeldArchiveModel::reload()
{
    fetch([](Core::Database &db) { return loadQuarantine(db); },
          [this](Quarantine quarantine) {
              beginResetModel();
              m_quarantine = std::move(quarantine);
              endResetModel();
          });
}

void HeldArchiveModel::clear()
{
    dropPending();
    beginResetModel();
    m_quarantine = {};
    endResetModel();
}

int HeldArchiveModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_quarantine.held.size() + m_quarantine.refusals.size());
}

int HeldArchiveModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeldArchiveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[ColumnCount]
        = {QT_TR_NOOP("State"),  QT_TR_NOOP("Host"),        QT_TR_NOOP("Seq"), QT_TR_NOOP("Signer key"),
           QT_TR_NOOP("Events"), QT_TR_NOOP("Since (UTC)"), QT_TR_NOOP("File")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

TrustDecision HeldArchiveModel::decision(int row) const
{
    if (!isRefusal(row))
        return assessTrust(m_quarantine.held.at(row), m_quarantine.held, m_quarantine.hosts);
    const Core::AuditEntry &refused = m_quarantine.refusals.at(row - heldCount());
    TrustDecision d;
    d.kind = TrustDecision::Kind::KeyConflict;
    d.reason = refused.detail;
    return d;
}

QString HeldArchiveModel::text(int row, int column) const
{
    if (isRefusal(row)) {
        const Core::AuditEntry &r = m_quarantine.refusals.at(row - heldCount());
        switch (column) {
        case State:
            return tr("REFUSED");
        case Since:
            return utcText(r.ts, kTableTimePrecision);
        case File:
            return QFileInfo(r.object).fileName();
        }
        return {};
    }
    const Core::HeldArchive &h = m_quarantine.held.at(row);
    switch (column) {
    case State:
        if (h.reason == QLatin1String("fork"))
            return tr("fork of its chain");
        return decision(row).mayTrust() ? tr("awaiting trust") : tr("key conflict");
    case Host:
        return h.hostname;
    case Seq:
        return QString::number(h.seq);
    case Signer:
        return shortId(h.fingerprint, 16);
    case Events:
        return QString::number(h.events);
    case Since:
        return utcText(h.heldTs, kTableTimePrecision);
    case File:
        return QFileInfo(h.path).fileName();
    }
    return {};
}

QVariant HeldArchiveModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::ToolTipRole:
        if (isRefusal(row)) {
            const Core::AuditEntry &r = m_quarantine.refusals.at(row - heldCount());
            return tr("%1\nrefused by %2").arg(r.detail, r.actor);
        } else {
            const Core::HeldArchive &h = m_quarantine.held.at(row);
            return tr("%1\nmachine id %2\nsigner %3\n%4").arg(h.detail, h.machineId, h.fingerprint, h.path);
        }
    case Qt::ForegroundRole:
        if (index.column() == State)
            return !isRefusal(row) && decision(row).mayTrust() ? warningColor() : alarmColor();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Seq || index.column() == Events)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

} // namespace Deck::Models
