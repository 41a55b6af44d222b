// SPDX-License-Identifier: GPL-3.0-or-later
// IP address text checks without QtNetwork (the collector links Qt Core only).
#pragma once

#include <QString>
#include <optional>

namespace Flight::Format {

// The canonical text (inet_ntop) of an IPv4 or IPv6 address, or nullopt when `text` is not one.
std::optional<QString> canonicalAddress(const QString &text);

} // namespace Flight::Format
