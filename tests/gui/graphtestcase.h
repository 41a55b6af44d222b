// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI case of guifixture.h plus a host "delta" whose one process (pid 700, "find") touched `files` distinct
// files (and renamed and deleted a few), for the file access graph's size bound. Test code only.
#pragma once

#include "guifixture.h"

namespace Deck::TestSupport {

GuiCase buildGraphCase(const QString &dir, int files);

} // namespace Deck::TestSupport
