// SPDX-License-Identifier: GPL-3.0-or-later
// The workstation's languages: translations built into the binary (translations/flightdeck_<lang>.ts, compiled to
// :/i18n/flightdeck_<lang>.qm) and Qt's own for its standard dialogs when installed. The language is the setting
// "ui/language" (a code such as "de"), else the system locale; English needs no file.
// Thread: the GUI thread, before the main window is created.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Deck::Gui {

// The languages built in besides English ("de", "es").
QStringList builtInLanguages();

// Installs the translators for `language` (empty: the setting, else the system locale) into `app`; returns the
// language that was installed, empty for English or when there is no translation for it.
QString installTranslations(QCoreApplication &app, const QString &language = {});

} // namespace Deck::Gui
