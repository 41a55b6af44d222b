// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Deck::Gui {

QStringList builtInLanguages()
{
    QStringList languages;
    const auto files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("flightdeck_*.qm")});
    for (const QString &file : files)
        languages << file.mid(11).chopped(3); // "flightdeck_" ... ".qm"
    return languages;
}

QString installTranslations(QCoreApplication &app, const QString &language)
{
    QString chosen = language;
    if (chosen.isEmpty())
        chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    auto *ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("flightdeck"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return {};
    }
    app.installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs), when the distribution's translations are installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return QFileInfo(ours->filePath()).completeBaseName().mid(11);
}

} // namespace Deck::Gui
