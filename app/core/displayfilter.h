// SPDX-License-Identifier: GPL-3.0-or-later
// The display-filter language of the events table, Wireshark-style:
//   proc.exe contains "curl" and not (user == 0 or net.rport > 1024) and group != docker
// Fields (displayFilterFields()) compared with ==, !=, contains, startswith, matches (a glob: * any run, ? one
// character; on text and byte strings), <, >, <=, >= (numbers);
// and, or, not (also &&, ||, !), parentheses. Values are double-quoted strings with the escapes \" \\ \n \t \r \0 and
// \xHH (any byte: paths are byte strings), integers, or bare words ([A-Za-z0-9_.:/+-], such as write or 10.0.0.2).
// parseDisplayFilter() is pure: it builds the expression tree and checks every field, operator and value; the SQL is
// made by displayfiltersql.h, always with the values as parameters.
// Errors: an Error whose message is "column N: reason" and whose code is N, the 1-based column (in characters) where
// the expression goes wrong; an empty expression is the filter that keeps every event.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Deck::Core {

enum class FilterValueType { Text, Bytes, Number };

struct FilterField
{
    const char *name;
    FilterValueType type;
    const char *help; // what it is, for the filter bar's completer and the docs
};

// Every field the language knows, in the order the docs list them.
const QList<FilterField> &displayFilterFields();

enum class FilterOp { Equal, NotEqual, Contains, StartsWith, Matches, Less, Greater, LessOrEqual, GreaterOrEqual };

struct FilterNode
{
    enum class Kind { All, And, Or, Not, Compare };
    Kind kind = Kind::All;
    QList<FilterNode> children; // And, Or: two or more; Not: one
    QString field; // Compare: a name of displayFilterFields()
    FilterOp op = FilterOp::Equal;
    QByteArray text; // Compare on Text/Bytes: the value (UTF-8 for Text)
    qint64 number = 0; // Compare on Number
    bool byName = false; // Compare on `user` or `group` with a name (in text) instead of a number
};

// The longest expression accepted, and the deepest nesting (parentheses and `not`), so that hostile input cannot
// exhaust the stack.
inline constexpr int kMaxFilterLength = 4096;
inline constexpr int kMaxFilterDepth = 64;

Expected<FilterNode> parseDisplayFilter(const QString &expression);

} // namespace Deck::Core
