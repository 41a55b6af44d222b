// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayfilter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deck::Core {

const QList<FilterField> &displayFilterFields()
{
    using enum FilterValueType;
    static const QList<FilterField> fields{
        {"event.kind", Text, "the event's kind: proc.exec, file.access, net.endpoint, state.change, rec.loss, ..."},
        {"host", Text, "the host's name"},
        {"proc.exe", Bytes, "the process's executable"},
        {"proc.argv", Bytes, "the process's arguments (NUL between them)"},
        {"proc.comm", Text, "the process's command name"},
        {"proc.pid", Number, "the process id"},
        {"user", Number, "the process's user id, or its name on the host at the event's time (a word or \"text\")"},
        {"group", Number, "the process's group id, or its name on the host at the event's time (a word or \"text\")"},
        {"file.path", Bytes, "the file's path"},
        {"file.op", Text, "open, exec, write, create, delete, rename, ..."},
        {"net.op", Text, "connect, accept, listen, close, bind, send, exists"},
        {"net.proto", Text, "tcp or udp"},
        {"net.laddr", Text, "the local address"},
        {"net.lport", Number, "the local port"},
        {"net.raddr", Text, "the remote address"},
        {"net.rport", Number, "the remote port"},
        {"state.check", Text, "the integrity check: packages, modules, bpf, files, logins, listeners, ..."},
        {"proc.env", Bytes, "the process's recorded environment variables, NAME=value with NUL between them"},
        {"proc.stdio", Text, "what fds 0, 1 and 2 were at exec: words tty, pipe, socket, file, null, none, other"},
        {"proc.setuid", Number, "1 when the executable was setuid or setgid at exec, 0 when not (unknown: no match)"},
        {"file.to", Bytes, "a rename's new name"},
        {"cred.uid", Number, "a credential change's user id after it"},
        {"cred.euid", Number, "a credential change's effective user id after it"},
        {"cred.prev_uid", Number, "a credential change's user id before it"},
        {"cred.prev_euid", Number, "a credential change's effective user id before it"},
        {"state.severity", Text, "an integrity change's severity: low, medium, high"},
        {"state.added", Number, "how many items an integrity change added"},
        {"state.removed", Number, "how many items an integrity change removed"},
    };
    return fields;
}

namespace {

struct Token
{
    enum class Type { End, Word, String, Open, Close, Op } type = Type::End;
    QString text; // Word, Op: as written
    QByteArray bytes; // String: the value
    int column = 1;
};

Error errorAt(int column, const QString &reason)
{
    return Error{u"column %1: %2"_s.arg(column).arg(reason), column};
}

// A word written as a number (digits, a sign), even one too large for one: never read as a name.
bool looksNumeric(const QString &word)
{
    return !word.isEmpty()
        && std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit() || c == u'-' || c == u'+'; });
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u':' || c == u'/' || c == u'+' || c == u'-';
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - '0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - 'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - 'A' + 10;
    return -1;
}

Expected<Token> readString(const QString &text, int &i)
{
    Token token{Token::Type::String, {}, {}, i + 1};
    QString run; // unescaped characters, appended as UTF-8 at each escape and at the end
    for (++i; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            token.bytes += run.toUtf8();
            ++i;
            return token;
        }
        if (c != u'\\') {
            run += c;
            continue;
        }
        token.bytes += run.toUtf8();
        run.clear();
        if (++i >= text.size())
            break;
        switch (text[i].unicode()) {
        case '"':
            token.bytes += '"';
            break;
        case '\\':
            token.bytes += '\\';
            break;
        case 'n':
            token.bytes += '\n';
            break;
        case 't':
            token.bytes += '\t';
            break;
        case 'r':
            token.bytes += '\r';
            break;
        case '0':
            token.bytes += '\0';
            break;
        case 'x': {
            const int high = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
            if (high < 0 || low < 0)
                return errorAt(i, u"\\x needs two hex digits"_s);
            token.bytes += char(high * 16 + low);
            i += 2;
            break;
        }
        default:
            return errorAt(i,
                           u"unknown escape \\%1 in a string (use \\\" \\\\ \\n \\t \\r \\0 or \\xHH)"_s.arg(text[i]));
        }
    }
    return errorAt(token.column, u"the string has no closing \""_s);
}

Expected<QList<Token>> tokenize(const QString &text)
{
    QList<Token> tokens;
    int i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        const int column = i + 1;
        if (c.isSpace()) {
            ++i;
        } else if (c == u'"') {
            auto string = readString(text, i);
            if (!string)
                return string.error();
            tokens.append(*string);
        } else if (c == u'(' || c == u')') {
            tokens.append({c == u'(' ? Token::Type::Open : Token::Type::Close, QString(c), {}, column});
            ++i;
        } else if (isWordChar(c)) {
            int end = i;
            while (end < text.size() && isWordChar(text[end]))
                ++end;
            tokens.append({Token::Type::Word, text.mid(i, end - i), {}, column});
            i = end;
        } else {
            static const QStringList ops{u"=="_s, u"!="_s, u"<="_s, u">="_s, u"&&"_s, u"||"_s, u"<"_s, u">"_s, u"!"_s};
            const auto op = std::find_if(ops.begin(), ops.end(),
                                         [&](const QString &o) { return QStringView(text).mid(i).startsWith(o); });
            if (op == ops.end()) {
                if (c.unicode() == 0)
                    return errorAt(column, u"a NUL character is not allowed"_s);
                if (c == u'=')
                    return errorAt(column, u"'=' is not an operator; write '=='"_s);
                return errorAt(column,
                               u"unexpected character '%1'"_s.arg(
                                   c.isPrint() ? QString(c) : u"U+%1"_s.arg(c.unicode(), 4, 16, QLatin1Char('0'))));
            }
            tokens.append({Token::Type::Op, *op, {}, column});
            i += int(op->size());
        }
    }
    tokens.append({Token::Type::End, {}, {}, int(text.size()) + 1});
    return tokens;
}

const FilterField *findField(const QString &name)
{
    for (const FilterField &field : displayFilterFields()) {
        if (name == QLatin1StringView(field.name))
            return &field;
    }
    return nullptr;
}

// Recursive descent over the tokens; `depth` bounds the recursion.
class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    Expected<FilterNode> parse()
    {
        auto node = orExpression(0);
        if (!node)
            return node;
        if (peek().type == Token::Type::Close)
            return errorAt(peek().column, u"')' without a matching '('"_s);
        if (peek().type != Token::Type::End)
            return errorAt(
                peek().column,
                u"unexpected '%1' after a complete comparison; combine with 'and' or 'or'"_s.arg(shown(peek())));
        return node;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &take() { return m_pos + 1 < m_tokens.size() ? m_tokens[m_pos++] : m_tokens[m_pos]; }
    bool isWord(const char *word) const
    {
        return peek().type == Token::Type::Word
            && peek().text.compare(QLatin1StringView(word), Qt::CaseInsensitive) == 0;
    }
    bool isOp(const char *op) const { return peek().type == Token::Type::Op && peek().text == QLatin1StringView(op); }
    static QString shown(const Token &token) { return token.type == Token::Type::String ? u"\"...\""_s : token.text; }

    Expected<FilterNode> combine(FilterNode::Kind kind, int depth, const char *word, const char *op)
    {
        auto first = kind == FilterNode::Kind::Or ? combine(FilterNode::Kind::And, depth, "and", "&&") : unary(depth);
        if (!first || !(isWord(word) || isOp(op)))
            return first;
        FilterNode node;
        node.kind = kind;
        node.children = {*first};
        while (isWord(word) || isOp(op)) {
            take();
            auto next
                = kind == FilterNode::Kind::Or ? combine(FilterNode::Kind::And, depth, "and", "&&") : unary(depth);
            if (!next)
                return next;
            node.children.append(*next);
        }
        return node;
    }
    Expected<FilterNode> orExpression(int depth) { return combine(FilterNode::Kind::Or, depth, "or", "||"); }

    Expected<FilterNode> unary(int depth)
    {
        if (depth >= kMaxFilterDepth)
            return errorAt(peek().column, u"nested too deeply (more than %1 levels)"_s.arg(kMaxFilterDepth));
        if (isWord("not") || isOp("!")) {
            take();
            auto inner = unary(depth + 1);
            if (!inner)
                return inner;
            FilterNode node;
            node.kind = FilterNode::Kind::Not;
            node.children = {*inner};
            return node;
        }
        if (peek().type == Token::Type::Open) {
            const int open = take().column;
            auto inner = orExpression(depth + 1);
            if (!inner)
                return inner;
            if (peek().type != Token::Type::Close)
                return errorAt(peek().type == Token::Type::End ? open : peek().column,
                               peek().type == Token::Type::End
                                   ? u"this '(' is never closed"_s
                                   : u"expected ')' or 'and'/'or', not '%1'"_s.arg(shown(peek())));
            take();
            return inner;
        }
        return comparison();
    }

    Expected<FilterNode> comparison()
    {
        const Token &name = take();
        if (name.type != Token::Type::Word)
            return errorAt(name.column,
                           name.type == Token::Type::End
                               ? u"expected a field (such as proc.exe), 'not' or '(' at the end"_s
                               : u"expected a field (such as proc.exe), 'not' or '(', not '%1'"_s.arg(shown(name)));
        const FilterField *field = findField(name.text);
        if (!field)
            return errorAt(name.column, u"unknown field '%1'"_s.arg(name.text));
        const Token &opToken = take();
        std::optional<FilterOp> op;
        static const QList<std::pair<QString, FilterOp>> ops{
            {u"=="_s, FilterOp::Equal},
            {u"!="_s, FilterOp::NotEqual},
            {u"contains"_s, FilterOp::Contains},
            {u"startswith"_s, FilterOp::StartsWith},
            {u"matches"_s, FilterOp::Matches},
            {u"<"_s, FilterOp::Less},
            {u">"_s, FilterOp::Greater},
            {u"<="_s, FilterOp::LessOrEqual},
            {u">="_s, FilterOp::GreaterOrEqual}};
        for (const auto &[text, value] : ops) {
            if (opToken.type != Token::Type::String && opToken.text.compare(text, Qt::CaseInsensitive) == 0)
                op = value;
        }
        if (!op)
            return errorAt(opToken.column,
                           u"expected an operator (==, !=, contains, startswith, matches, <, >, <=, >=) after %1"_s.arg(name.text));
        const bool textual = *op == FilterOp::Contains || *op == FilterOp::StartsWith || *op == FilterOp::Matches;
        const bool ordering = *op != FilterOp::Equal && *op != FilterOp::NotEqual && !textual;
        if (ordering && field->type != FilterValueType::Number)
            return errorAt(opToken.column, u"%1 compares numbers; %2 is text"_s.arg(opToken.text, name.text));
        // `user` and `group` take a name as well as a number: a quoted value, or a word that is no number, is a name.
        const Token &value = take();
        const bool accountField = name.text == "user"_L1 || name.text == "group"_L1;
        const bool byName = accountField
            && (value.type == Token::Type::String || (value.type == Token::Type::Word && !looksNumeric(value.text)));
        if (ordering && byName)
            return errorAt(opToken.column, u"%1 compares numbers; a %2 name is text"_s.arg(opToken.text, name.text));
        if (textual && field->type == FilterValueType::Number && !byName)
            return errorAt(opToken.column, u"%1 applies to text; %2 is a number"_s.arg(opToken.text, name.text));
        if (value.type != Token::Type::Word && value.type != Token::Type::String)
            return errorAt(value.column, u"expected a value after %1"_s.arg(opToken.text));
        FilterNode node;
        node.kind = FilterNode::Kind::Compare;
        node.field = name.text;
        node.op = *op;
        if (byName) {
            node.text = value.type == Token::Type::String ? value.bytes : value.text.toUtf8();
            node.byName = true;
        } else if (field->type == FilterValueType::Number) {
            bool ok = false;
            node.number = value.type == Token::Type::Word ? value.text.toLongLong(&ok) : 0;
            if (!ok)
                return errorAt(value.column, u"%1 is a number; %2 is not"_s.arg(name.text, shown(value)));
        } else {
            node.text = value.type == Token::Type::String ? value.bytes : value.text.toUtf8();
        }
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

} // namespace

Expected<FilterNode> parseDisplayFilter(const QString &expression)
{
    if (expression.size() > kMaxFilterLength)
        return errorAt(kMaxFilterLength + 1, u"the filter is longer than %1 characters"_s.arg(kMaxFilterLength));
    if (const qsizetype nul = expression.indexOf(QChar(0)); nul >= 0)
        return errorAt(int(nul) + 1, u"a NUL character is not allowed"_s);
    if (expression.trimmed().isEmpty())
        return FilterNode{};
    auto tokens = tokenize(expression);
    if (!tokens)
        return tokens.error();
    return Parser(std::move(*tokens)).parse();
}

} // namespace Deck::Core
