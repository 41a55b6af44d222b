// SPDX-License-Identifier: GPL-3.0-or-later
#include "datainpage.h"

#include "importdialog.h"
#include "intaketext.h"
#include "pulldialog.h"

#include <QAction>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Deck::Gui {

namespace {
constexpr int kMaxInboxRows = 500;

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}
} // namespace

DataInPage::DataInPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_intake(session)
    , m_stopInbox(new QPushButton(tr("Stop Watching"), this))
    , m_inboxLabel(new QLabel(this))
    , m_inboxOutcomes(new QTreeWidget(this))
{
    const auto button = [this](const QString &text, const QKeySequence &keys, auto slot) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        if (!keys.isEmpty()) {
            auto *action = new QAction(text, this);
            action->setShortcut(keys);
            action->setShortcutContext(Qt::WindowShortcut);
            connect(action, &QAction::triggered, b, &QPushButton::click);
            addAction(action);
            b->setToolTip(tr("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText)));
        }
        m_caseButtons.append(b);
        return b;
    };
    auto *row = new QHBoxLayout;
    row->addWidget(button(tr("Import &Folder..."), QKeySequence(Qt::CTRL | Qt::Key_I), &DataInPage::chooseFolder));
    row->addWidget(
        button(tr("Import F&iles..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), &DataInPage::chooseFiles));
    row->addWidget(
        button(tr("&Pull from Hosts..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &DataInPage::openPullDialog));
    row->addSpacing(24);
    row->addWidget(button(tr("&Watch Inbox Folder..."), {}, &DataInPage::chooseInbox));
    row->addWidget(m_stopInbox);
    row->addStretch();
    auto *hint = new QLabel(tr("Or drop .frec files and folders on the window."), this);
    hint->setEnabled(false);
    row->addWidget(hint);
    connect(m_stopInbox, &QPushButton::clicked, &m_intake, &Models::IntakeService::stopInbox);

    m_inboxLabel->setObjectName(QStringLiteral("inboxStatus"));
    m_inboxLabel->setWordWrap(true);
    m_inboxLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inboxOutcomes->setObjectName(QStringLiteral("inboxOutcomes"));
    m_inboxOutcomes->setHeaderLabels(QStringList{tr("Time (UTC)")} + outcomeColumns());
    m_inboxOutcomes->setRootIsDecorated(false);
    m_inboxOutcomes->setUniformRowHeights(true);
    m_inboxOutcomes->header()->setStretchLastSection(true);
    const QList<int> widths{90, 140, 220, 150, 50, 80};
    for (int column = 0; column < widths.size(); ++column)
        m_inboxOutcomes->setColumnWidth(column, widths.at(column));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_inboxLabel);
    layout->addWidget(m_inboxOutcomes, 1);

    connect(&m_intake, &Models::IntakeService::inboxChanged, this, &DataInPage::showInbox);
    connect(&m_intake, &Models::IntakeService::inboxFailed, this,
            [this](const QString &message) { m_inboxLabel->setText(tr("Inbox not watched: %1").arg(message)); });
    connect(&m_intake, &Models::IntakeService::inboxArchiveDone, this, [this](const Core::ImportOutcome &outcome) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss")));
        auto *rest = new QTreeWidgetItem;
        fillOutcomeRow(rest, outcome);
        for (int column = 0; column < outcomeColumns().size(); ++column) {
            item->setText(column + 1, rest->text(column));
            item->setToolTip(column + 1, rest->toolTip(column));
            item->setForeground(column + 1, rest->foreground(column));
            item->setTextAlignment(column + 1, Qt::Alignment(rest->textAlignment(column)));
        }
        delete rest;
        m_inboxOutcomes->insertTopLevelItem(0, item);
        while (m_inboxOutcomes->topLevelItemCount() > kMaxInboxRows)
            delete m_inboxOutcomes->takeTopLevelItem(m_inboxOutcomes->topLevelItemCount() - 1);
    });
    connect(&session, &Models::CaseSession::opened, this, &DataInPage::showCaseState);
    connect(&session, &Models::CaseSession::closed, this, &DataInPage::showCaseState);
    showCaseState();
}

DataInPage::~DataInPage()
{
    if (m_hookedWindow)
        m_hookedWindow->removeEventFilter(this);
}

void DataInPage::showCaseState()
{
    const bool open = session().isOpen();
    for (QPushButton *b : std::as_const(m_caseButtons))
        b->setEnabled(open);
    if (!open)
        m_inboxOutcomes->clear();
    showInbox(m_intake.inboxStatus());
}

void DataInPage::showInbox(const Pull::InboxStatus &s)
{
    m_stopInbox->setEnabled(s.watching);
    if (!session().isOpen()) {
        m_inboxLabel->setText(tr("Open a case to import archives, pull them from hosts or watch an inbox folder."));
        return;
    }
    if (!s.watching) {
        m_inboxLabel->setText(tr("Inbox: not watching. Collectors that push archives (flightrec push) upload them "
                                 "into a folder; Watch Inbox Folder imports each one as it arrives."));
        return;
    }
    QString text = tr("Inbox: watching <b>%1</b>: %2 imported, %3 in the case already, %4 held for trust, %5 refused")
                       .arg(s.dir.toHtmlEscaped())
                       .arg(s.imported)
                       .arg(s.alreadyInCase)
                       .arg(s.held)
                       .arg(s.rejected);
    if (s.waiting > 0)
        text += tr(", %n still being written", "", s.waiting);
    text += u'.';
    if (s.lastImportMs > 0)
        text += tr(" Last import %1 UTC.")
                    .arg(QDateTime::fromMSecsSinceEpoch(s.lastImportMs, Qt::UTC)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (!s.lastError.isEmpty())
        text += QStringLiteral(" <span style='color:#c01c28'>%1</span>")
                    .arg(tr("Last problem: %1").arg(s.lastError).toHtmlEscaped());
    m_inboxLabel->setText(text);
}

void DataInPage::importPaths(const QStringList &paths)
{
    if (!m_intake.writer()) {
        QMessageBox::information(this, tr("Import Archives"), tr("Open or create a case first (Case > Open Case)."));
        return;
    }
    auto *dialog = new ImportDialog(*m_intake.writer(), paths, window(), session().importOptions());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DataInPage::openPullDialog()
{
    if (!m_intake.writer())
        return;
    auto *dialog = new PullDialog(m_intake, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DataInPage::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Archives"));
    if (!dir.isEmpty())
        importPaths({dir});
}

void DataInPage::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Archives"), QString(),
                                                            tr("Flight Recorder archives (*.frec);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void DataInPage::chooseInbox()
{
    const QString dir
        = QFileDialog::getExistingDirectory(this, tr("Watch an Inbox Folder"), m_intake.inboxStatus().dir);
    if (!dir.isEmpty())
        m_intake.watchInbox(dir);
}

bool DataInPage::event(QEvent *event)
{
    if (event->type() == QEvent::ParentChange || event->type() == QEvent::Show)
        hookWindow();
    return Page::event(event);
}

void DataInPage::hookWindow()
{
    // Drops go to the nearest ancestor that accepts them: accepting on the window catches drops on every view.
    QWidget *target = window();
    if (target == this || target == m_hookedWindow)
        return;
    if (m_hookedWindow)
        m_hookedWindow->removeEventFilter(this);
    m_hookedWindow = target;
    m_hookedWindow->setAcceptDrops(true);
    m_hookedWindow->installEventFilter(this);
}

bool DataInPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_hookedWindow && event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (!localPaths(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_hookedWindow && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localPaths(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            importPaths(paths);
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

} // namespace Deck::Gui
