// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorglob.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QString literal(char byte)
{
    return u"\\x{%1}"_s.arg(qulonglong(uchar(byte)), 2, 16, QChar(u'0'));
}

// The class starting at glob[at] == '[' as an expression, and the index after it; nullopt when it does not close.
std::optional<std::pair<QString, qsizetype>> globClass(const QByteArray &glob, qsizetype at)
{
    qsizetype i = at + 1;
    QString expression = u"["_s;
    if (i < glob.size() && (glob.at(i) == '!' || glob.at(i) == '^')) {
        expression += u'^';
        ++i;
    }
    const qsizetype first = i;
    for (; i < glob.size(); ++i) {
        const char c = glob.at(i);
        if (c == ']' && i > first)
            return std::pair{expression + u']', i + 1};
        expression += c == '-' && i > first && i + 1 < glob.size() && glob.at(i + 1) != ']' ? u"-"_s : literal(c);
    }
    return std::nullopt;
}

} // namespace

QRegularExpression globRegularExpression(const QByteArray &glob)
{
    QString expression = u"\\A"_s;
    for (qsizetype i = 0; i < glob.size();) {
        const char c = glob.at(i);
        if (c == '*' && i + 1 < glob.size() && glob.at(i + 1) == '*') {
            const bool wholeDirs = i + 2 < glob.size() && glob.at(i + 2) == '/';
            expression += wholeDirs ? u"(?:.*/)?"_s : u".*"_s;
            i += wholeDirs ? 3 : 2;
        } else if (c == '*') {
            expression += u"[^/]*"_s;
            ++i;
        } else if (c == '?') {
            expression += u"[^/]"_s;
            ++i;
        } else if (c == '[') {
            if (auto cls = globClass(glob, i)) {
                expression += cls->first;
                i = cls->second;
            } else {
                expression += literal(c);
                ++i;
            }
        } else {
            expression += literal(c);
            ++i;
        }
    }
    expression += u"\\z"_s;
    return QRegularExpression(expression, QRegularExpression::DotMatchesEverythingOption);
}

} // namespace Deck::Core
