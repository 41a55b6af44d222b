// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in translations load and reach the main window: its menus in German and Spanish, and English when the
// language has no translation. Runs offscreen.
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QMenuBar>
#include <QTest>
#include <QTranslator>

using namespace Deck;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtIn();
    void menus_data();
    void menus();
};

namespace {
QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}
} // namespace

void TestTranslations::builtIn()
{
    QCOMPARE(Gui::builtInLanguages(), (QStringList{QStringLiteral("de"), QStringLiteral("es")}));
}

void TestTranslations::menus_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("installed");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("de")
                            << QStringList{QStringLiteral("&Fall"), QStringLiteral("&Ansicht")};
    QTest::newRow("Spanish") << QStringLiteral("es_ES") << QStringLiteral("es")
                             << QStringList{QStringLiteral("&Caso"), QStringLiteral("&Ver")};
    QTest::newRow("no translation: English")
        << QStringLiteral("fi") << QString() << QStringList{QStringLiteral("&Case"), QStringLiteral("&View")};
}

void TestTranslations::menus()
{
    QFETCH(QString, language);
    // A fresh set of translators per row.
    for (auto *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QTEST(Gui::installTranslations(*qApp, language), "installed");
    Gui::MainWindow window;
    QFETCH(QStringList, titles);
    for (const QString &title : std::as_const(titles)) // pages may add menus of their own
        QVERIFY2(menuTitles(window).contains(title), qPrintable(menuTitles(window).join(u", ")));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
