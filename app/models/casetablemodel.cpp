// SPDX-License-Identifier: GPL-3.0-or-later
#include "casetablemodel.h"

namespace Deck::Models {

CaseTableModel::CaseTableModel(CaseSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

} // namespace Deck::Models
