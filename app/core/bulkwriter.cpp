// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkwriter.h"

namespace Deck::Core {

BulkWriter::~BulkWriter() = default;

} // namespace Deck::Core
