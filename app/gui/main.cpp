// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck: the desktop investigation workstation. `flightdeck [CASE]` opens CASE (a case file or a
// postgresql:// URL) at start.
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FlightRecorder"));
    QApplication::setApplicationName(QStringLiteral("flightdeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("Flight Deck"));
    QApplication::setApplicationVersion(QStringLiteral(FLIGHT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/flightdeck/flightdeck.svg")));

    Deck::Gui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Flight Deck: investigate what Flight Recorder recorded on your hosts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("case"),
                                 QApplication::translate("main", "A case file or postgresql:// URL to open."));
    parser.process(app);

    Deck::Gui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openCase(parser.positionalArguments().constFirst());
    return app.exec();
}
