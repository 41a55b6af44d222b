// SPDX-License-Identifier: GPL-3.0-or-later
// The fast path of decodeEvent(): a hand-written, allocation-light reader for the lines collectors write most
// (process, file and network events whose text is plain ASCII). It accepts a line only when it is certain that the
// full decoder (QJsonDocument + strictJsonProblem + FieldReader) would accept it and produce the same Event; on
// anything else — another kind, a non-ASCII byte, a b64 value, a member out of range, a duplicate or unknown member,
// a fraction, a syntax error — it returns nothing and decodeEvent() falls back to the full decoder, which gives the
// error message. So the fast path can only make accepting faster, never change what is accepted or rejected
// (tst_eventfastpath checks this against the full decoder on mutated lines). Pure function, thread-safe.
#pragma once

#include "event.h"
#include "expected.h"

#include <optional>

namespace Flight::Format {

std::optional<Event> decodeEventFast(QByteArrayView line);

// decodeEvent() without the fast path: the reference the fast path is tested against (eventdecoder.cpp).
Expected<Event> decodeEventFull(QByteArrayView line);

} // namespace Flight::Format
