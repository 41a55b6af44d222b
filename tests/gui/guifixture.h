// SPDX-License-Identifier: GPL-3.0-or-later
// The case the GUI tests and screenshots open: the query tests' incident (hosts alpha and beta, queryfixture.h,
// with its chain gap, crash and loss) plus a busy host "gamma" with `busyEvents` events in four archives, each host's
// key trusted, imported through the real importer into a SQLite case file; and one archive of a new host "delta"
// whose key is not trusted, held in quarantine (no host row). Test code only.
#pragma once

#include "queryfixture.h"

namespace Deck::TestSupport {

struct GuiCase
{
    QString location; // the case file
    QString error; // why it could not be built; empty when it was
};

GuiCase buildGuiCase(const QString &dir, int busyEvents = 20000);

} // namespace Deck::TestSupport
