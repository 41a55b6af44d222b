// SPDX-License-Identifier: GPL-3.0-or-later
// Event <-> one JSON line (FORMAT.md §2). Pure functions, thread-safe, no I/O.
#pragma once

#include "event.h"
#include "expected.h"

namespace Flight::Format {

// Appends the event as one JSON object followed by '\n'.
void encodeEvent(const Event &event, QByteArray &out);
QByteArray encodeEvent(const Event &event);

// Decodes one line (without its '\n'). The error names the kind and member and the reason, not the line number,
// which the caller knows. Error::code is Reason::MalformedEvent.
Expected<Event> decodeEvent(QByteArrayView line);

} // namespace Flight::Format
