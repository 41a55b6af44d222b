// SPDX-License-Identifier: GPL-3.0-or-later
// The case of the integrity and bookmark GUI tests: integrityfixture.h's host "delta" (six state changes, four of
// them high, so four alerts, and a kernel log line) imported through the real importer into a SQLite case file.
// Test code only.
#pragma once

#include "guifixture.h"

namespace Deck::TestSupport {

GuiCase buildIntegrityCase(const QString &dir);

} // namespace Deck::TestSupport
