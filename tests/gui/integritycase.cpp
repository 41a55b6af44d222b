// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritycase.h"

#include "integrityfixture.h"

#include <QDir>

namespace Deck::TestSupport {

GuiCase buildIntegrityCase(const QString &dir)
{
    GuiCase built;
    const QString archives = QDir(dir).filePath(QStringLiteral("integrity-archives"));
    QDir().mkpath(archives);
    IntegrityScenario scenario(archives);
    built.location = QDir(dir).filePath(QStringLiteral("integrity.sqlite"));
    auto opened = Core::Database::open(built.location);
    if (!opened) {
        built.error = opened.error().message;
        return built;
    }
    built.error = scenario.importInto(**opened);
    return built;
}

} // namespace Deck::TestSupport
