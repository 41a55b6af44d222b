// SPDX-License-Identifier: GPL-3.0-or-later
// Showing byte strings (paths, argv, exe, cwd) without losing a byte: for people, text with C-style escapes for
// control characters, backslashes and bytes that are not UTF-8; for machines, FORMAT.md §2.3's JSON form (a string
// when the bytes are valid UTF-8, else {"b64": ...}). argv is one byte string with NUL between its elements.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Deck::Core {

// "/tmp/a\nb\xff" for the bytes / t m p / a LF b 0xff; printable UTF-8 unchanged.
QString displayBytes(QByteArrayView bytes);
// The elements of argv for people: each escaped as by displayBytes, quoted ("...") when empty or holding a space or
// a double quote, joined by spaces.
QString displayArgv(const QByteArray &argv);
QList<QByteArray> argvElements(const QByteArray &argv);

QJsonValue bytesJson(QByteArrayView bytes);
QJsonArray argvJson(const QByteArray &argv);

} // namespace Deck::Core
