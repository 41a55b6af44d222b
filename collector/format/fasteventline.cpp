// SPDX-License-Identifier: GPL-3.0-or-later
#include "fasteventline.h"

#include <QVarLengthArray>
#include <algorithm>

namespace Flight::Format::FastPath {

namespace {

int memberIndex(std::string_view name, int hint)
{
    for (int i = 0; i < MemberCount; ++i) {
        const int at = (hint + i) % MemberCount;
        if (kMemberNames[at] == name)
            return at;
    }
    return -1;
}

} // namespace

bool Line::value(Scanner &s, Value &v)
{
    switch (s.peek()) {
    case '"':
        v.type = '"';
        return s.string(v.begin, v.end, v.escaped);
    case 't':
    case 'f':
        v.type = 'b';
        return s.literal(v.boolean);
    case '[': {
        // An array of strings (argv).
        v.type = '[';
        v.begin = s.p;
        s.take('[');
        if (!s.take(']')) {
            do {
                const char *b, *e;
                bool escaped;
                if (!s.string(b, e, escaped))
                    return false;
            } while (s.take(','));
            if (!s.take(']'))
                return false;
        }
        v.end = s.p;
        return true;
    }
    case '{': {
        // An object of strings with plain, distinct names (env).
        v.type = '{';
        v.begin = s.p;
        s.take('{');
        QVarLengthArray<std::string_view, 32> names;
        if (!s.take('}')) {
            do {
                const char *b, *e;
                bool escaped;
                if (!s.string(b, e, escaped) || escaped || !s.take(':'))
                    return false;
                const std::string_view name(b, std::size_t(e - b));
                if (std::find(names.begin(), names.end(), name) != names.end())
                    return false;
                names.append(name);
                if (!s.string(b, e, escaped))
                    return false;
            } while (s.take(','));
            if (!s.take('}'))
                return false;
        }
        v.end = s.p;
        return true;
    }
    default:
        v.type = '0';
        return s.number(v.number);
    }
}

bool Line::parse(QByteArrayView text)
{
    Scanner s(text.data(), text.data() + text.size());
    if (!s.take('{'))
        return false;
    int hint = 0;
    do {
        const char *b, *e;
        bool escaped;
        if (!s.string(b, e, escaped) || escaped || !s.take(':'))
            return false;
        const int m = memberIndex(std::string_view(b, std::size_t(e - b)), hint);
        if (m < 0 || (m_present & bit(Member(m))))
            return false;
        m_present |= bit(Member(m));
        hint = m + 1;
        if (!value(s, m_values[m]))
            return false;
    } while (s.take(','));
    return s.take('}') && s.atEnd();
}

bool Line::argv(QList<QByteArray> &out) const
{
    const Value &v = m_values[Argv];
    if (v.type != '[')
        return false;
    Scanner s(v.begin + 1, v.end - 1);
    while (!s.atEnd()) {
        const char *b, *e;
        bool escaped;
        s.string(b, e, escaped);
        out.append(unescape(b, e, escaped));
        s.take(',');
    }
    return true;
}

bool Line::env(QMap<QString, QByteArray> &out) const
{
    const Value &v = m_values[Env];
    if (v.type != '{')
        return false;
    Scanner s(v.begin + 1, v.end - 1);
    while (!s.atEnd()) {
        const char *b, *e;
        bool escaped;
        s.string(b, e, escaped);
        const QString name = QString::fromLatin1(b, e - b);
        if (name.isEmpty() || name.size() > kMaxName)
            return false;
        s.take(':');
        s.string(b, e, escaped);
        out.insert(name, unescape(b, e, escaped));
        s.take(',');
    }
    return true;
}

} // namespace Flight::Format::FastPath
