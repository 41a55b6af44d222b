// SPDX-License-Identifier: GPL-3.0-or-later
// Every bookmark and note of the open case in one table: kind, object type, the object in words ("bash (pid 200) on
// alpha", "open /etc/passwd by curl (pid 300) on alpha", ...: objectfacts.h), the bookmark's label or the note's
// text, who made it and when (UTC; "edited" with the time of the last edit). Oldest first. Reloads when the case
// opens and after every mark change (CaseMarks::changed); loaded on the session's worker with a generation number.
// Thread: the GUI thread.
#pragma once

#include "casesession.h"
#include "objectfacts.h"

#include <QAbstractTableModel>

namespace Deck::Models {

class MarksModel : public QAbstractTableModel
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
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setShow(Show show);
    const Mark &mark(int row) const { return m_rows.at(row); }
    const QString &error() const { return m_error; }
    // The object in words, as the Object column shows it.
    static QString describe(const Core::ObjectFacts &facts);
    static QString typeName(Core::ObjectType type);

    void reload();

Q_SIGNALS:
    void loaded();

private:
    void clear();

    CaseSession &m_session;
    QList<Mark> m_all;
    QList<Mark> m_rows; // m_all as shown
    Show m_show = Show::All;
    quint64 m_generation = 0;
    QString m_error;
};

} // namespace Deck::Models
