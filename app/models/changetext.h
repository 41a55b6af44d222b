// SPDX-License-Identifier: GPL-3.0-or-later
// What an integrity state change (or a kernel log line) says, in words: "openssl (amd64) 3.0.13-1 -> 3.0.13-2",
// "module evil_mod loaded (file ..., digest ...)", "BPF program 42 loaded: ...", "/etc/passwd: digest a -> b",
// "root logged in on pts/0 from 10.0.0.9". The stored event is hostile: it is decoded by the format library's checked
// decoder (eventcodec.h), and what cannot be decoded is reported as such, never guessed at. Control characters and
// bytes that are not text are shown escaped (bytetext.h), so a line never breaks a table row.
// Pure functions, thread-safe (the models build summaries on a case worker).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Deck::Models {

struct ChangeLine
{
    enum class Kind { Added, Removed, Changed, Logged };
    Kind kind = Kind::Added;
    QString text;
};

struct ChangeReadout
{
    bool readable = false;
    QString problem; // why the stored event could not be read (readable == false)
    QString kind; // state.change | host.kmsg
    QString check;
    QString severity;
    QList<ChangeLine> lines;
};

ChangeReadout readChange(const QByteArray &detail);
// One line for a table: the first change, "(and N more)" after it; the problem when unreadable.
QString changeSummary(const ChangeReadout &readout);
// The event's JSON line, indented when it is valid JSON, else its bytes escaped.
QString rawEventText(const QByteArray &detail);

} // namespace Deck::Models
