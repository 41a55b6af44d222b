// SPDX-License-Identifier: GPL-3.0-or-later
#include "marksmodel.h"

#include "bytetext.h"
#include "endpointmarks.h"
#include "integritytext.h"
#include "objectrefrole.h"

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

QString clean(const QString &text)
{
    return Core::displayBytes(text.toUtf8());
}

// The first line of a note for its table cell; the whole text is in the tooltip.
QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    return end < 0 ? clean(text) : clean(text.left(end)) + u" \u2026"_s;
}

struct Loaded
{
    QList<MarksModel::Mark> marks;
    QString error;
};

} // namespace

MarksModel::MarksModel(CaseSession &session, QObject *parent)
    : CaseListModel(session, ColumnCount, Follow::Case, parent)
{
}

int MarksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString MarksModel::typeName(Core::ObjectType type)
{
    switch (type) {
    case Core::ObjectType::Process:
        return tr("process");
    case Core::ObjectType::FileEvent:
        return tr("file event");
    case Core::ObjectType::NetEvent:
        return tr("network event");
    case Core::ObjectType::StateChange:
        return tr("state change");
    case Core::ObjectType::Path:
        return tr("path");
    case Core::ObjectType::Host:
        return tr("host");
    case Core::ObjectType::Alert:
        return tr("alert");
    case Core::ObjectType::Archive:
        return tr("archive");
    case Core::ObjectType::Endpoint:
        return tr("remote endpoint");
    }
    return {};
}

Core::RemoteEndpoint MarksModel::endpointOf(const Core::ObjectFacts &facts)
{
    bool hasPort = false;
    const qint64 port = facts.extra.toLongLong(&hasPort);
    return {facts.what, hasPort ? std::optional<qint64>(port) : std::nullopt};
}

QString MarksModel::describe(const Core::ObjectFacts &facts)
{
    if (!facts.exists)
        return tr("%1 #%2 (not in the case)").arg(typeName(facts.object.type)).arg(facts.object.id);
    const QString host = clean(facts.hostname);
    const QString process = facts.pid ? tr("%1 (pid %2)").arg(clean(facts.comm)).arg(*facts.pid) : tr("an unknown process");
    const QString path = Core::displayBytes(facts.path);
    switch (facts.object.type) {
    case Core::ObjectType::Process:
        return tr("%1 on %2").arg(process, host);
    case Core::ObjectType::FileEvent:
        return tr("%1 %2 by %3 on %4").arg(clean(facts.what), path, process, host);
    case Core::ObjectType::NetEvent:
        return tr("%1 %2 by %3 on %4").arg(clean(facts.what), clean(facts.extra), process, host);
    case Core::ObjectType::StateChange:
        return tr("%1 change (%2) on %3 at %4")
            .arg(clean(facts.what), severityText(facts.extra), host, tableTime(facts.ts.value_or(0)));
    case Core::ObjectType::Path:
        return path;
    case Core::ObjectType::Host:
        return host;
    case Core::ObjectType::Alert:
        return tr("\u201c%1\u201d on %2 (%3)").arg(clean(facts.what), host, triageText(facts.extra));
    case Core::ObjectType::Archive:
        return tr("archive %1 of %2").arg(clean(facts.what), host);
    case Core::ObjectType::Endpoint:
        return clean(Core::endpointText(endpointOf(facts)));
    }
    return {};
}

QVariant MarksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Mark &mark = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Kind:
            return mark.note ? tr("Note") : tr("Bookmark");
        case ObjectType:
            return typeName(mark.facts.object.type);
        case Object:
            return describe(mark.facts);
        case Text:
            return firstLine(mark.text);
        case By:
            return mark.by;
        case When:
            return mark.updatedTs ? tr("%1 (edited %2)").arg(tableTime(mark.createdTs), tableTime(*mark.updatedTs))
                                  : tableTime(mark.createdTs);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Text)
            return mark.text;
        if (index.column() == Object)
            return describe(mark.facts);
        if (index.column() == When)
            return fullTime(mark.createdTs);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Object && !mark.facts.exists)
            return QColor(0xc6, 0x28, 0x28);
        break;
    case ObjectRefRole:
        return QVariant::fromValue(mark.facts.object);
    case MarkIdRole:
        return mark.id;
    case IsNoteRole:
        return mark.note;
    case TextRole:
        return mark.text;
    default:
        break;
    }
    return {};
}

QVariant MarksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case ObjectType:
        return tr("Type");
    case Object:
        return tr("Object");
    case Text:
        return tr("Label / note");
    case By:
        return tr("By");
    case When:
        return tr("When (UTC)");
    }
    return {};
}

void MarksModel::setShow(Show show)
{
    beginResetModel();
    m_show = show;
    filterRows();
    endResetModel();
}

void MarksModel::filterRows()
{
    m_rows.clear();
    for (const Mark &mark : std::as_const(m_all)) {
        if (m_show == Show::All || (m_show == Show::Notes) == mark.note)
            m_rows.append(mark);
    }
}

void MarksModel::query()
{
    load(
        [](Core::Database &db) {
            Loaded out;
            Core::CaseNotes notes(db);
            auto bookmarks = notes.bookmarks();
            auto texts = bookmarks ? notes.notes() : Core::Expected<QList<Core::Note>>(bookmarks.error());
            if (!texts) {
                out.error = texts.error().message;
                return out;
            }
            QList<Core::ObjectRef> objects;
            for (const Core::Bookmark &b : std::as_const(*bookmarks)) {
                out.marks.append({false, b.id, b.label, b.createdBy, b.createdTs, std::nullopt, {}});
                objects.append(b.object);
            }
            for (const Core::Note &n : std::as_const(*texts)) {
                out.marks.append({true, n.id, n.text, n.createdBy, n.createdTs, n.updatedTs, {}});
                objects.append(n.object);
            }
            auto facts = Core::objectFacts(db, objects);
            if (!facts) {
                out.error = facts.error().message;
                out.marks.clear();
                return out;
            }
            for (qsizetype i = 0; i < out.marks.size(); ++i)
                out.marks[i].facts = facts->at(i);
            std::stable_sort(out.marks.begin(), out.marks.end(),
                             [](const Mark &a, const Mark &b) { return a.createdTs < b.createdTs; });
            return out;
        },
        [this](Loaded result) {
            m_all = std::move(result.marks);
            setOutcome(false, result.error);
            filterRows();
        });
}

void MarksModel::clearRows()
{
    m_all.clear();
    m_rows.clear();
}

} // namespace Deck::Models
