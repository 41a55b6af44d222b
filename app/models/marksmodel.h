// SPDX-License-Identifier: GPL-3.0-or-later
// Every bookmark and note of the open case in one table: kind, object type, the object in words ("bash (pid 200) on
// alpha", "open /etc/passwd by curl (pid 300) on alpha", ...: objectfacts.h), the bookmark's label or the note's
// text, who made it and when (UTC; "edited" with the time of the last edit). Oldest first. Follows the case, not the
// selection (caselistmodel.h).
// Thread: the GUI thread.
#pragma once

#include "caselistmodel.h"
#include "endpointmarks.h"
#include "objectfacts.h"

namespace Deck::Models {

class MarksModel : public CaseListModel
{
    Q_OBJECT
public:
    enum Column { Kind, ObjectType, Object, Text, By, When, ColumnCount };
    enum Role { MarkIdRole = Qt::UserRole + 1, IsNoteRole, TextRole };
    enum class Show { All, Bookmarks, Notes };

    struct Mark
    {
        bool note = false;
        qint64 id = 0;
        QString text; // label or note text, as stored
        QString by;
        qint64 createdTs = 0;
        std::optional<qint64> updatedTs;
        Core::ObjectFacts facts;
    };

    explicit MarksModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setShow(Show show);
    const Mark &mark(int row) const { return m_rows.at(row); }
    // The object in words, as the Object column shows it.
    static QString describe(const Core::ObjectFacts &facts);
    static QString typeName(Core::ObjectType type);
    // An endpoint's address and port (its facts' what and extra).
    static Core::RemoteEndpoint endpointOf(const Core::ObjectFacts &facts);

protected:
    void query() override;
    void clearRows() override;

private:
    void filterRows();

    QList<Mark> m_all;
    QList<Mark> m_rows; // m_all as shown
    Show m_show = Show::All;
};

} // namespace Deck::Models
