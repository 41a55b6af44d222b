// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectionrule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

struct Entry
{
    QString value;
    int line = 0; // where the key is
};

Error ruleError(const QString &file, int line, const QString &reason)
{
    return Error{u"%1:%2: %3"_s.arg(file).arg(line).arg(reason), line};
}

// A filter error "column N: reason" as the line of the file the column falls on.
Error filterError(const QString &file, const QString &key, const Entry &entry, const Error &error)
{
    const int column = std::max(1, error.code);
    const int line = entry.line + int(entry.value.left(column - 1).count(u'\n'));
    const int lineStart = int(entry.value.lastIndexOf(u'\n', column - 2)) + 1;
    const QString reason = error.message.section(u": "_s, 1);
    return ruleError(file, line, u"%1: column %2: %3"_s.arg(key).arg(column - lineStart).arg(reason));
}

Expected<QMap<QString, Entry>> readEntries(const QString &file, const QString &text)
{
    static const QStringList keys{u"name"_s,  u"severity"_s, u"title"_s,  u"description"_s,
                                  u"match"_s, u"unless"_s,   u"within"_s, u"first per"_s};
    QMap<QString, Entry> entries;
    QString current;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int number = i + 1;
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        if (line.front().isSpace()) {
            if (current.isEmpty())
                return ruleError(file, number, u"an indented line continues no key"_s);
            Entry &entry = entries[current];
            entry.value += (entry.value.isEmpty() ? u""_s : u"\n"_s) + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return ruleError(file, number, u"expected 'key: value' (keys: %1)"_s.arg(keys.join(u", "_s)));
        const QString key = line.left(colon).trimmed().toLower();
        if (!keys.contains(key))
            return ruleError(file, number,
                             u"unknown key '%1' (keys: %2)"_s.arg(line.left(colon).trimmed(), keys.join(u", "_s)));
        if (entries.contains(key))
            return ruleError(file, number, u"'%1' is given twice (first on line %2)"_s.arg(key).arg(entries[key].line));
        entries.insert(key, {line.mid(colon + 1).trimmed(), number});
        current = key;
    }
    for (const char *required : {"name", "severity", "title", "description", "match"}) {
        if (entries.value(QLatin1StringView(required)).value.isEmpty())
            return ruleError(file,
                             entries.contains(QLatin1StringView(required))
                                 ? entries[QLatin1StringView(required)].line
                                 : int(lines.size()) - (text.endsWith(u'\n') ? 1 : 0),
                             u"'%1' is missing; a rule needs name, severity, title, description and match"_s.arg(
                                 QLatin1StringView(required)));
    }
    return entries;
}

} // namespace

Expected<DetectionRule> parseDetectionRule(const QString &file, const QByteArray &bytes)
{
    if (bytes.size() > kMaxRuleFileBytes)
        return ruleError(file, 1, u"larger than %1 bytes; not a rule file"_s.arg(kMaxRuleFileBytes));
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter) || text.contains(QChar(0)))
        return ruleError(file, 1, u"not UTF-8 text"_s);
    auto entries = readEntries(file, text);
    if (!entries)
        return entries.error();
    DetectionRule rule;
    rule.file = file;
    const Entry name = entries->value(u"name"_s);
    static const QRegularExpression namePattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    if (!namePattern.match(name.value).hasMatch())
        return ruleError(file, name.line,
                         u"name '%1': use up to 64 letters, digits, '-' and '_'"_s.arg(name.value.left(80)));
    rule.name = name.value;
    const Entry severity = entries->value(u"severity"_s);
    rule.severity = severity.value.toLower();
    if (rule.severity != "low"_L1 && rule.severity != "medium"_L1 && rule.severity != "high"_L1)
        return ruleError(file, severity.line, u"severity '%1': use low, medium or high"_s.arg(severity.value));
    const Entry title = entries->value(u"title"_s);
    if (title.value.contains(u'\n'))
        return ruleError(file, title.line, u"the title is one line"_s);
    rule.title = title.value;
    rule.description = entries->value(u"description"_s).value;
    const Entry match = entries->value(u"match"_s);
    auto matchFilter = parseDisplayFilter(match.value);
    if (!matchFilter)
        return filterError(file, u"match"_s, match, matchFilter.error());
    rule.matchText = match.value;
    rule.match = *matchFilter;
    if (entries->contains(u"unless"_s) != entries->contains(u"within"_s)) {
        const Entry given = entries->value(u"unless"_s, entries->value(u"within"_s));
        return ruleError(file, given.line, u"'unless' and 'within' go together"_s);
    }
    if (entries->contains(u"unless"_s)) {
        const Entry unless = entries->value(u"unless"_s);
        auto unlessFilter = parseDisplayFilter(unless.value);
        if (!unlessFilter)
            return filterError(file, u"unless"_s, unless, unlessFilter.error());
        if (unlessFilter->kind == FilterNode::Kind::All)
            return ruleError(file, unless.line, u"'unless' is empty"_s);
        rule.unlessText = unless.value;
        rule.unless = *unlessFilter;
        const Entry within = entries->value(u"within"_s);
        bool ok = false;
        QString seconds = within.value;
        if (seconds.endsWith(u's'))
            seconds.chop(1);
        rule.withinSeconds = seconds.trimmed().toLongLong(&ok);
        if (!ok || rule.withinSeconds < 1 || rule.withinSeconds > 7 * 86400)
            return ruleError(file, within.line,
                             u"within '%1': give seconds, from 1 to 604800 (a week)"_s.arg(within.value));
    }
    if (entries->contains(u"first per"_s)) {
        const Entry first = entries->value(u"first per"_s);
        rule.firstPer = first.value.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
        for (const QString &field : std::as_const(rule.firstPer)) {
            const bool known = std::any_of(displayFilterFields().begin(), displayFilterFields().end(),
                                           [&](const FilterField &f) { return field == QLatin1StringView(f.name); });
            if (!known || field == "host"_L1)
                return ruleError(file, first.line, u"first per: unknown field '%1'"_s.arg(field));
        }
        if (rule.firstPer.isEmpty())
            return ruleError(file, first.line, u"first per: name one or more fields"_s);
    }
    return rule;
}

DetectionRuleSet loadDetectionRules(const QString &folder)
{
    DetectionRuleSet set;
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists()) {
        set.errors << u"%1: no such rules folder"_s.arg(folder);
        return set;
    }
    const QFileInfoList files = dir.entryInfoList({u"*.rule"_s}, QDir::Files | QDir::Readable, QDir::Name);
    QHash<QString, QString> seen; // name -> file
    for (const QFileInfo &info : files) {
        const QString path = info.filePath();
        QFile file(path);
        if (info.size() > kMaxRuleFileBytes) {
            set.errors << ruleError(path, 1, u"larger than %1 bytes; not a rule file"_s.arg(kMaxRuleFileBytes)).message;
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            set.errors << u"%1: cannot read: %2"_s.arg(path, file.errorString());
            continue;
        }
        auto rule = parseDetectionRule(path, file.read(kMaxRuleFileBytes + 1));
        if (!rule) {
            set.errors << rule.error().message;
        } else if (seen.contains(rule->name)) {
            set.errors
                << ruleError(path, 1, u"the name '%1' is taken by %2"_s.arg(rule->name, seen[rule->name])).message;
        } else {
            seen.insert(rule->name, path);
            set.rules.append(*rule);
        }
    }
    std::sort(set.rules.begin(), set.rules.end(),
              [](const DetectionRule &a, const DetectionRule &b) { return a.name < b.name; });
    return set;
}

QString defaultRulesFolder()
{
    QStringList candidates;
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + u"/../share/flightdeck/rules"_s;
    candidates << QStringLiteral(FLIGHT_INSTALL_PREFIX) + u"/share/flightdeck/rules"_s;
    for (const QString &candidate : std::as_const(candidates)) {
        if (QDir(candidate).exists())
            return QDir::cleanPath(candidate);
    }
    return {};
}

} // namespace Deck::Core
