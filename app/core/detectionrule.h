// SPDX-License-Identifier: GPL-3.0-or-later
// Detection rules: one readable file per rule (`<name>.rule` in a rules folder: the repo's rules/, installed to
// /usr/share/flightdeck/rules), which an analyst can read and edit. A file is lines of `key: value`; a line that
// starts with white space continues the value above it; `#` starts a comment line. Keys:
//   name:        the rule's name (letters, digits, '-', '_'), unique in its folder
//   severity:    low | medium | high
//   title:       one line for the alerts list
//   description: what it means and how to triage it (several lines)
//   match:       a display filter (displayfilter.h): the events that raise the alert
//   unless:      a display filter: no alert when an event matching it happened on the same host within `within`
//   within:      seconds, before or after the matching event (with `unless` only)
//   first per:   field names (such as net.proto net.lport): only the host's first matching event with those values
// parseDetectionRule() is pure; loadDetectionRules() reads a folder. Errors name the file, the line and the reason
// in one line ("rules/x.rule:7: match: column 12: unknown field 'proc.foo'"); a bad file never stops the others.
#pragma once

#include "displayfilter.h"

#include <QStringList>

namespace Deck::Core {

struct DetectionRule
{
    QString file; // the path it was read from
    QString name;
    QString severity;
    QString title;
    QString description;
    QString matchText;
    FilterNode match;
    QString unlessText; // empty: no `unless`
    FilterNode unless;
    qint64 withinSeconds = 0;
    QStringList firstPer; // empty: every matching event
};

// The largest rule file read (a rule is a few lines; anything bigger is not one).
inline constexpr qint64 kMaxRuleFileBytes = 64 * 1024;

Expected<DetectionRule> parseDetectionRule(const QString &file, const QByteArray &text);

struct DetectionRuleSet
{
    QList<DetectionRule> rules; // by name
    QStringList errors; // one line per file that could not be used
};

// The *.rule files of `folder` (not its subfolders), in name order. A folder that cannot be read is one error.
DetectionRuleSet loadDetectionRules(const QString &folder);

// The rules folder used when none is given: <program>/../share/flightdeck/rules (the installed package's), else
// the install prefix's; empty when neither exists.
QString defaultRulesFolder();

} // namespace Deck::Core
