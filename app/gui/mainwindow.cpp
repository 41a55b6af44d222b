// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "casekeyactions.h"
#include "page.h"
#include "reportdialog.h"
#include "translations.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace Deck::Gui {

namespace {
constexpr int kMaxRecent = 8;
const auto kRecentKey = QStringLiteral("case/recent");

Qt::DockWidgetArea dockArea(Page::Placement placement)
{
    switch (placement) {
    case Page::Placement::TopDock:
        return Qt::TopDockWidgetArea;
    case Page::Placement::LeftDock:
        return Qt::LeftDockWidgetArea;
    case Page::Placement::BottomDock:
    case Page::Placement::Tab:
        break;
    }
    return Qt::BottomDockWidgetArea;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_caseLabel(new QLabel(this))
{
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    statusBar()->addPermanentWidget(m_caseLabel);
    createMenus();
    placePages();

    connect(&m_session, &Models::CaseSession::opened, this, [this] {
        rememberRecent(m_session.location());
        showCaseState();
    });
    connect(&m_session, &Models::CaseSession::closed, this, &MainWindow::showCaseState);
    connect(&m_session, &Models::CaseSession::failed, this, [this](const QString &message) {
        showCaseState();
        QMessageBox::warning(this, tr("Cannot open the case"), message);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    showCaseState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto *caseMenu = menuBar()->addMenu(tr("&Case"));
    caseMenu->addAction(tr("&New Case..."), QKeySequence::New, this, &MainWindow::newCase);
    caseMenu->addAction(tr("&Open Case..."), QKeySequence::Open, this, &MainWindow::openCaseFile);
    caseMenu->addAction(tr("Open &PostgreSQL Case..."), this, &MainWindow::openPostgresCase);
    m_recentMenu = caseMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    caseMenu->addSeparator();
    m_caseKey = new CaseKeyActions(m_session, caseMenu, this);
    caseMenu->addSeparator();
    m_reportAction = caseMenu->addAction(tr("Incident &Report..."), QKeySequence::Print, this,
                                         [this] { ReportDialog::start(m_session, {}, this); });
    caseMenu->addAction(tr("&Close Case"), QKeySequence::Close, &m_session, &Models::CaseSession::close);
    caseMenu->addSeparator();
    caseMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    createLanguageMenu(viewMenu->addMenu(tr("&Language")));
    viewMenu->addSeparator();
}

void MainWindow::createLanguageMenu(QMenu *menu)
{
    // Each language names itself; the choice is kept in the setting ui/language and applies from the next start.
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    auto *group = new QActionGroup(menu);
    const auto add = [&](const QString &label, const QString &code) {
        QAction *action = menu->addAction(label, this, [this, code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            QMessageBox::information(this, tr("Language"), tr("The language changes when Flight Deck starts again."));
        });
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
    };
    add(tr("System Language"), QString());
    add(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString &code : builtInLanguages())
        add(QLocale(code).nativeLanguageName().replace(0, 1, QLocale(code).nativeLanguageName().left(1).toUpper()),
            code);
}

void MainWindow::placePages()
{
    auto *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    m_pages = createPages(m_session);
    for (auto *page : std::as_const(m_pages)) {
        if (page->placement() == Page::Placement::Tab) {
            m_tabs->addTab(page, page->title());
            continue;
        }
        auto *dock = new QDockWidget(page->title(), this);
        dock->setObjectName(page->metaObject()->className()); // saveState() needs a name
        dock->setWidget(page);
        addDockWidget(dockArea(page->placement()), dock);
        viewMenu->addAction(dock->toggleViewAction());
    }
    // Ctrl+1..9 bring the tabs to the front, as in other investigation tools.
    for (int i = 0; i < m_tabs->count() && i < 9; ++i) {
        auto *action = viewMenu->addAction(m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
}

void MainWindow::showPage(Page *page)
{
    if (const int index = m_tabs->indexOf(page); index >= 0) {
        m_tabs->setCurrentIndex(index);
        return;
    }
    if (auto *dock = qobject_cast<QDockWidget *>(page->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::openCase(const QString &location)
{
    m_caseLabel->setText(tr("Opening %1...").arg(location));
    m_session.open(location);
}

void MainWindow::newCase()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("New Case"), QString(),
                                                      tr("Flight Recorder cases (*.sqlite);;All files (*)"));
    if (file.isEmpty())
        return;
    if (QFile::exists(file)) {
        QMessageBox::warning(this, tr("New Case"), tr("%1 already exists; open it with Open Case instead.").arg(file));
        return;
    }
    openCase(file);
}

void MainWindow::openCaseFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Case"), QString(),
                                                      tr("Flight Recorder cases (*.sqlite);;All files (*)"));
    if (!file.isEmpty())
        openCase(file);
}

void MainWindow::openPostgresCase()
{
    bool ok = false;
    const QString url = QInputDialog::getText(
        this, tr("Open PostgreSQL Case"),
        tr("Connection URL (postgresql://user@host:port/database; the password comes from ~/.pgpass):"),
        QLineEdit::Normal, QStringLiteral("postgresql://"), &ok);
    if (ok && !url.trimmed().isEmpty())
        openCase(url.trimmed());
}

void MainWindow::rememberRecent(const QString &location)
{
    // A PostgreSQL URL is kept without its password (the name shown), a file by its absolute path.
    const QString kept = m_session.name().isEmpty() ? location : m_session.name();
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(kept);
    recent.prepend(kept);
    settings.setValue(kRecentKey, recent.mid(0, kMaxRecent));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &location : recent)
        m_recentMenu->addAction(location, this, [this, location] { openCase(location); });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent cases"))->setEnabled(false);
}

void MainWindow::showCaseState()
{
    m_reportAction->setEnabled(m_session.isOpen());
    const QString name = m_session.isOpen() ? m_session.name() : tr("no case open");
    setWindowTitle(tr("%1 - Flight Deck").arg(name));
    m_caseLabel->setText(m_session.isOpen() ? tr("Case: %1").arg(name) : tr("No case open (Case > Open Case...)"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_session.close();
    event->accept();
}

} // namespace Deck::Gui
