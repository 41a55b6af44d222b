// SPDX-License-Identifier: GPL-3.0-or-later
#include "markspage.h"

#include "casemarks.h"
#include "emptystatelabel.h"
#include "listtablesetup.h"
#include "mainwindow.h"
#include "markactions.h"
#include "marksmodel.h"
#include "networkpage.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

MarksPage::MarksPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_model(new Models::MarksModel(session, this))
    , m_view(new QTableView(this))
    , m_show(new QComboBox(this))
    , m_state(new QLabel(this))
    , m_edit(new QPushButton(tr("&Edit Note..."), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    m_view->setObjectName(u"marksView"_s);
    m_view->setModel(m_model);
    setUpListTable(m_view);
    m_show->addItem(tr("Bookmarks and notes"), int(Models::MarksModel::Show::All));
    m_show->addItem(tr("Bookmarks only"), int(Models::MarksModel::Show::Bookmarks));
    m_show->addItem(tr("Notes only"), int(Models::MarksModel::Show::Notes));
    m_state->setObjectName(u"marksState"_s);
    m_state->setWordWrap(true);
    EmptyStateLabel::attach(m_view, [this]() -> QString {
        if (!Page::session().isOpen())
            return tr("Open a case to see its bookmarks and notes.");
        if (!m_model->error().isEmpty())
            return {};
        return tr("No bookmarks or notes yet.\n\nIn any list or graph, right-click a process, event, file, host, "
                  "alert or remote address and choose Bookmark (Ctrl+B) or Add Note (Ctrl+Alt+C).");
    });

    auto *bar = new QHBoxLayout;
    auto *showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_show);
    bar->addWidget(showLabel);
    bar->addWidget(m_show);
    bar->addStretch(1);
    bar->addWidget(m_edit);
    bar->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_state);

    auto *editKey = new QAction(tr("Edit Note"), m_view);
    editKey->setShortcut(QKeySequence(Qt::Key_F2));
    editKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(editKey);
    auto *removeKey = new QAction(tr("Remove"), m_view);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeKey);
    connect(editKey, &QAction::triggered, this, [this] { editNote(m_view->currentIndex().row()); });
    connect(removeKey, &QAction::triggered, this, [this] { removeMark(m_view->currentIndex().row()); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editNote(m_view->currentIndex().row()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeMark(m_view->currentIndex().row()); });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setShow(Models::MarksModel::Show(m_show->currentData().toInt()));
        showState();
    });
    // Double-click or Enter.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { select(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MarksPage::updateButtons);
    connect(m_model, &Models::MarksModel::loaded, this, [this] {
        fitListColumns(m_view, 420);
        showState();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MarksPage::updateButtons);
    connect(&session, &Models::CaseSession::closed, this, &MarksPage::showState);
    updateButtons();
    showState();
}

void MarksPage::updateButtons()
{
    const int row = m_view->currentIndex().row();
    const bool valid = row >= 0 && row < m_model->rowCount();
    m_edit->setEnabled(valid && m_model->mark(row).note);
    m_remove->setEnabled(valid);
}

void MarksPage::showState()
{
    if (session().isOpen() && !m_model->error().isEmpty()) {
        m_state->setText(tr("The bookmarks and notes could not be read: %1").arg(m_model->error()));
    } else if (!session().isOpen() || m_model->rowCount() == 0) {
        m_state->clear(); // the empty list says why
    } else {
        m_state->setText(tr("Double-click or press Enter to select the object in every view; F2 edits a note, "
                            "Delete removes a bookmark or note. Each change is recorded in the case's audit log."));
    }
}

void MarksPage::editNote(int row)
{
    if (row < 0 || row >= m_model->rowCount() || !m_model->mark(row).note)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Edit Note"), tr("Note:"), m_model->mark(row).text,
                                                        &ok);
    if (ok && !text.trimmed().isEmpty())
        editNote(row, text);
}

void MarksPage::editNote(int row, const QString &text)
{
    MarkActions::report(this, Models::CaseMarks::of(session()).editNote(m_model->mark(row).id, text),
                        tr("Note edited."));
}

void MarksPage::removeMark(int row, bool ask)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const auto mark = m_model->mark(row);
    if (ask) {
        const QString question = mark.note ? tr("Remove this note on %1?") : tr("Remove this bookmark on %1?");
        if (QMessageBox::question(this, tr("Remove"), question.arg(Models::MarksModel::describe(mark.facts)))
            != QMessageBox::Yes)
            return;
    }
    auto &marks = Models::CaseMarks::of(session());
    MarkActions::report(this, mark.note ? marks.removeNote(mark.id) : marks.removeBookmark(mark.id),
                        mark.note ? tr("Note removed.") : tr("Bookmark removed."));
}

void MarksPage::select(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const Core::ObjectFacts &facts = m_model->mark(row).facts;
    if (!facts.exists)
        return;
    auto &hub = session().selection();
    if (facts.object.type == Core::ObjectType::Endpoint) {
        const Core::RemoteEndpoint endpoint = Models::MarksModel::endpointOf(facts);
        hub.setEndpoint(Models::Endpoint{endpoint.address, endpoint.port});
        // The endpoint is shown in the network map: go there.
        auto *window = qobject_cast<MainWindow *>(this->window());
        if (auto *network = window ? window->findChild<NetworkPage *>() : nullptr)
            window->showPage(network);
        return;
    }
    if (facts.processId && facts.hostId)
        hub.setProcess(*facts.processId, *facts.hostId);
    else if (facts.hostId)
        hub.setHost(*facts.hostId);
    if (!facts.path.isEmpty())
        hub.setPath(facts.path);
}

} // namespace Deck::Gui
