// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayfiltersql.h"

#include "accountnames.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

using State = BranchCondition::State;

BranchCondition constant(State state)
{
    BranchCondition condition;
    condition.state = state;
    return condition;
}

BranchCondition sqlCondition(QString sql, QVariant value, bool process = false, bool path = false)
{
    BranchCondition condition;
    condition.state = State::Sql;
    condition.sql = std::move(sql);
    condition.params = {std::move(value)};
    condition.process = process;
    condition.path = path;
    return condition;
}

// What a field is on one branch: absent, a constant (the kind of a table of one kind), or a column.
struct FieldOn
{
    enum class Is { Absent, Constant, Column, Host } is = Is::Absent;
    QString column; // Column: an expression on x, p or pa; Constant: the value
    bool process = false;
    bool path = false;
};

FieldOn on(FieldOn::Is is, QString column, bool process = false, bool path = false)
{
    FieldOn field;
    field.is = is;
    field.column = std::move(column);
    field.process = process;
    field.path = path;
    return field;
}

// S_ISUID | S_ISGID (04000 | 02000) of the executable's st_mode; NULL while the mode is unknown.
constexpr const char *kSetuidBit = "(CASE WHEN (p.exe_mode & 3072) <> 0 THEN 1 WHEN p.exe_mode IS NOT NULL THEN 0 END)";

// A member of a proc.cred event's JSON line (x.detail), as a number.
QString credMember(const QString &member, Engine engine)
{
    return engine == Engine::Sqlite ? u"json_extract(x.detail, '$.%1')"_s.arg(member)
                                    : u"CAST(CAST(x.detail AS jsonb)->>'%1' AS BIGINT)"_s.arg(member);
}

// The length of a state change's list `added` or `removed` (0 when the change has none).
QString stateListLength(const QString &list, Engine engine)
{
    return engine == Engine::Sqlite
        ? u"COALESCE(json_array_length(x.detail, '$.%1'), 0)"_s.arg(list)
        : u"COALESCE(jsonb_array_length(CAST(x.detail AS jsonb)->'%1'), 0)"_s.arg(list);
}

FieldOn fieldOn(const QString &field, int branch, Engine engine)
{
    using Is = FieldOn::Is;
    const bool hasProcess = branch == ProcessBranch || branch == FileBranch || branch == NetBranch;
    if (field == "event.kind"_L1) {
        if (branch == FileBranch || branch == NetBranch || branch == LossBranch)
            return on(Is::Constant,
                      branch == FileBranch      ? u"file.access"_s
                          : branch == NetBranch ? u"net.endpoint"_s
                                                : u"rec.loss"_s);
        return on(Is::Column, u"x.kind"_s);
    }
    if (field == "host"_L1)
        return on(Is::Host, u"h.hostname"_s);
    static const QList<std::pair<const char *, const char *>> processColumns{{"proc.exe", "p.exe"},
                                                                             {"proc.argv", "p.argv"},
                                                                             {"proc.comm", "p.comm"},
                                                                             {"proc.pid", "p.pid"},
                                                                             {"user", "p.uid"},
                                                                             {"group", "p.gid"},
                                                                             {"proc.env", "p.env"},
                                                                             {"proc.stdio", "p.stdio"},
                                                                             {"proc.setuid", kSetuidBit}};
    for (const auto &[name, column] : processColumns) {
        if (field == QLatin1StringView(name))
            return hasProcess ? on(Is::Column, QString::fromLatin1(column), true) : FieldOn{};
    }
    if (field == "file.path"_L1)
        return branch == FileBranch ? on(Is::Column, u"pa.path"_s, false, true) : FieldOn{};
    if (field == "file.op"_L1)
        return branch == FileBranch ? on(Is::Column, u"x.op"_s) : FieldOn{};
    if (field == "file.to"_L1)
        return branch == FileBranch ? on(Is::Column, u"(SELECT tp.path FROM paths tp WHERE tp.id = x.to_path_id)"_s)
                                    : FieldOn{};
    if (field.startsWith("cred."_L1)) // only a proc.cred event's line has these members
        return branch == ProcessBranch
            ? on(Is::Column, u"(CASE WHEN x.kind = 'proc.cred' THEN %1 END)"_s.arg(credMember(field.mid(5), engine)))
            : FieldOn{};
    if (field == "state.check"_L1)
        return branch == StateBranch ? on(Is::Column, u"x.check_name"_s) : FieldOn{};
    if (field == "state.severity"_L1)
        return branch == StateBranch ? on(Is::Column, u"x.severity"_s) : FieldOn{};
    if (field == "state.added"_L1 || field == "state.removed"_L1)
        return branch == StateBranch ? on(Is::Column, stateListLength(field.mid(6), engine)) : FieldOn{};
    if (field.startsWith("net."_L1) && branch == NetBranch)
        return on(Is::Column, u"x."_s + field.mid(4)); // op, proto, laddr, lport, raddr, rport: the column's name
    return {};
}

// A glob (* any run, ? one byte) against the whole of `text`: greedy, backing up to the last *.
bool globMatches(const QByteArray &glob, const QByteArray &text)
{
    qsizetype g = 0, t = 0, star = -1, resume = 0;
    while (t < text.size()) {
        if (g < glob.size() && (glob[g] == '?' || (glob[g] != '*' && glob[g] == text[t]))) {
            ++g;
            ++t;
        } else if (g < glob.size() && glob[g] == '*') {
            star = g++;
            resume = t;
        } else if (star >= 0) {
            g = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*')
        ++g;
    return g == glob.size();
}

bool holds(const QByteArray &constant, FilterOp op, const QByteArray &value)
{
    switch (op) {
    case FilterOp::Equal:
        return constant == value;
    case FilterOp::NotEqual:
        return constant != value;
    case FilterOp::Contains:
        return constant.contains(value);
    case FilterOp::StartsWith:
        return constant.startsWith(value);
    case FilterOp::Matches:
        return globMatches(value, constant);
    default:
        return false; // ordering applies to numbers; the parser refuses it on text
    }
}

QString comparison(const QString &column, FilterOp op, Engine engine)
{
    switch (op) {
    case FilterOp::Equal:
        return column + u" = ?"_s;
    case FilterOp::NotEqual:
        return column + u" <> ?"_s;
    case FilterOp::Contains:
        return containsBytes(engine, column) + u" > 0"_s;
    case FilterOp::StartsWith:
    case FilterOp::Matches:
        // SQLite's GLOB matches no BLOB operand: byte strings are compared as the same bytes read as text.
        return engine == Engine::Sqlite ? u"CAST(%1 AS TEXT) GLOB CAST(? AS TEXT)"_s.arg(column)
                                        : column + u" LIKE ?"_s;
    case FilterOp::Less:
        return column + u" < ?"_s;
    case FilterOp::Greater:
        return column + u" > ?"_s;
    case FilterOp::LessOrEqual:
        return column + u" <= ?"_s;
    case FilterOp::GreaterOrEqual:
        return column + u" >= ?"_s;
    }
    return {};
}

// A glob (* any run, ? one character, everything else literal) as the pattern of SQLite's GLOB (literal [ written
// [[], * and ? kept) or of PostgreSQL's LIKE (% _ and the escape \ escaped, * -> %, ? -> _).
QByteArray globPattern(const QByteArray &glob, Engine engine)
{
    QByteArray pattern;
    for (const char c : glob) {
        if (engine == Engine::Sqlite) {
            pattern += c == '[' ? QByteArray("[[]") : QByteArray(1, c);
        } else if (c == '*' || c == '?') {
            pattern += c == '*' ? '%' : '_';
        } else {
            if (c == '%' || c == '_' || c == '\\')
                pattern += '\\';
            pattern += c;
        }
    }
    return pattern;
}

// The value a comparison binds: startswith is a glob of the escaped prefix followed by "any run".
QByteArray patternOf(const FilterNode &node, Engine engine)
{
    if (node.op == FilterOp::Matches)
        return globPattern(node.text, engine);
    QByteArray literal;
    for (const char c : node.text) {
        if (engine == Engine::Sqlite && (c == '*' || c == '?' || c == '['))
            literal += '[' + QByteArray(1, c) + ']';
        else if (engine == Engine::Postgres && (c == '%' || c == '_' || c == '\\'))
            literal += '\\' + QByteArray(1, c);
        else
            literal += c;
    }
    return literal + (engine == Engine::Sqlite ? "*" : "%");
}

QVariant valueOf(const FilterNode &node, Engine engine)
{
    const auto field = std::find_if(displayFilterFields().begin(), displayFilterFields().end(),
                                    [&](const FilterField &f) { return node.field == QLatin1StringView(f.name); });
    const bool pattern = node.op == FilterOp::StartsWith || node.op == FilterOp::Matches;
    const QByteArray text = pattern ? patternOf(node, engine) : node.text;
    switch (field->type) {
    case FilterValueType::Number:
        return node.number;
    case FilterValueType::Bytes:
        return text;
    case FilterValueType::Text:
        return QString::fromUtf8(text);
    }
    return {};
}

// `user` or `group` by name: the name the process's uid (gid) had on the event's host at the event's time
// (accountnames.h). An equality first narrows to the ids that ever had that name (account_names_name), so that the
// resolution runs for their events only.
BranchCondition compareAccountName(const FilterNode &node, const FieldOn &field, Engine engine)
{
    const bool group = node.field == "group"_L1;
    static const QString userName = accountNameAt("uid"_L1, u"x.host_id"_s, u"p.uid"_s, u"x.ts"_s);
    static const QString groupName = accountNameAt("gid"_L1, u"x.host_id"_s, u"p.gid"_s, u"x.ts"_s);
    const QString &name = group ? groupName : userName;
    const QVariant value = QString::fromUtf8(
        node.op == FilterOp::StartsWith || node.op == FilterOp::Matches ? patternOf(node, engine) : node.text);
    BranchCondition condition
        = sqlCondition(u"(%1 IS NOT NULL AND %2)"_s.arg(name, comparison(name, node.op, engine)), value, true);
    if (node.op == FilterOp::Equal) {
        condition.sql
            = u"(%1 IN (SELECT un.num FROM account_names un WHERE un.kind = '%2' AND un.name = ?) AND %3)"_s.arg(
                field.column, group ? u"gid"_s : u"uid"_s, condition.sql);
        condition.params.prepend(value);
    }
    return condition;
}

BranchCondition compare(const FilterNode &node, int branch, Engine engine)
{
    const FieldOn field = fieldOn(node.field, branch, engine);
    if (node.byName && field.is == FieldOn::Is::Column)
        return compareAccountName(node, field, engine);
    switch (field.is) {
    case FieldOn::Is::Absent:
        return constant(State::Never);
    case FieldOn::Is::Constant:
        return constant(holds(field.column.toUtf8(), node.op, node.text) ? State::Always : State::Never);
    case FieldOn::Is::Host:
        return sqlCondition(
            u"x.host_id IN (SELECT h.id FROM hosts h WHERE %1)"_s.arg(comparison(field.column, node.op, engine)),
            valueOf(node, engine));
    case FieldOn::Is::Column:
        break;
    }
    return sqlCondition(u"(%1 IS NOT NULL AND %2)"_s.arg(field.column, comparison(field.column, node.op, engine)),
                        valueOf(node, engine), field.process, field.path);
}

BranchCondition compile(const FilterNode &node, int branch, Engine engine)
{
    switch (node.kind) {
    case FilterNode::Kind::All:
        return constant(State::Always);
    case FilterNode::Kind::Compare:
        return compare(node, branch, engine);
    case FilterNode::Kind::Not: {
        BranchCondition inner = compile(node.children.constFirst(), branch, engine);
        if (inner.state != State::Sql)
            return constant(inner.state == State::Always ? State::Never : State::Always);
        inner.sql = u"NOT "_s + inner.sql;
        return inner;
    }
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or:
        break;
    }
    // And: a false part makes all false, true parts drop out; Or the other way round.
    const bool isAnd = node.kind == FilterNode::Kind::And;
    const State absorbing = isAnd ? State::Never : State::Always;
    BranchCondition result = constant(State::Sql);
    QStringList parts;
    for (const FilterNode &child : node.children) {
        BranchCondition part = compile(child, branch, engine);
        if (part.state == absorbing)
            return constant(absorbing);
        if (part.state != State::Sql)
            continue;
        parts << part.sql;
        result.params += part.params;
        result.process |= part.process;
        result.path |= part.path;
    }
    if (parts.isEmpty())
        return constant(isAnd ? State::Always : State::Never);
    result.sql = u"("_s + parts.join(isAnd ? u" AND "_s : u" OR "_s) + u')';
    return result;
}

} // namespace

std::array<BranchCondition, kEventBranches> compileDisplayFilter(const FilterNode &filter, Engine engine)
{
    std::array<BranchCondition, kEventBranches> conditions;
    for (int branch = 0; branch < kEventBranches; ++branch)
        conditions[branch] = compile(filter, branch, engine);
    return conditions;
}

QString filterFieldColumn(const QString &field, int branch, Engine engine)
{
    const FieldOn on = fieldOn(field, branch, engine);
    return on.is == FieldOn::Is::Column ? on.column : QString();
}

} // namespace Deck::Core
