// SPDX-License-Identifier: GPL-3.0-or-later
// The tokens of the event decoder's fast path (fasteventdecoder.h): strings of printable ASCII with the simple JSON
// escapes, non-negative integers without fraction or exponent that fit qint64, and the two booleans. Every function
// returns false on anything else, which sends the line to the full decoder. Header-only: it is the hot loop.
#pragma once

#include <QByteArray>
#include <cstring>
#include <limits>
#include <string_view>

namespace Flight::Format::FastPath {

inline int hexDigit(char h)
{
    return h >= '0' && h <= '9' ? h - '0'
        : h >= 'a' && h <= 'f'  ? h - 'a' + 10
        : h >= 'A' && h <= 'F'  ? h - 'A' + 10
                                : -1;
}

class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : p(begin)
        , m_end(end)
    {
    }

    void space()
    {
        while (p < m_end && (*p == ' ' || *p == '\t'))
            ++p;
    }
    bool take(char c)
    {
        space();
        if (p < m_end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    bool atEnd()
    {
        space();
        return p == m_end;
    }
    char peek()
    {
        space();
        return p < m_end ? *p : '\0';
    }

    // A string of printable ASCII and simple escapes; its content (escapes undecoded) in [begin, end).
    bool string(const char *&begin, const char *&end, bool &escaped)
    {
        if (!take('"'))
            return false;
        begin = p;
        escaped = false;
        while (p < m_end) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                end = p++;
                return true;
            }
            if (c < 0x20 || c >= 0x80)
                return false;
            if (c != '\\') {
                ++p;
                continue;
            }
            escaped = true;
            if (p + 1 >= m_end)
                return false;
            if (p[1] == 'u') {
                if (p + 6 > m_end)
                    return false;
                int unit = 0;
                for (int k = 2; k < 6; ++k) {
                    const int digit = hexDigit(p[k]);
                    if (digit < 0)
                        return false;
                    unit = unit * 16 + digit;
                }
                if (unit < 1 || unit > 0x7f)
                    return false;
                p += 6;
            } else if (p[1] != '\0' && std::strchr("\"\\/bfnrt", p[1])) {
                p += 2;
            } else {
                return false;
            }
        }
        return false;
    }

    // A non-negative integer without fraction or exponent that fits qint64.
    bool number(qint64 &value)
    {
        space();
        if (p >= m_end || *p < '0' || *p > '9')
            return false;
        if (*p == '0' && p + 1 < m_end && p[1] >= '0' && p[1] <= '9')
            return false;
        quint64 n = 0;
        int digits = 0;
        for (; p < m_end && *p >= '0' && *p <= '9'; ++p) {
            if (++digits > 19)
                return false;
            n = n * 10 + quint64(*p - '0');
        }
        if (n > quint64(std::numeric_limits<qint64>::max()) || (p < m_end && (*p == '.' || *p == 'e' || *p == 'E')))
            return false;
        value = qint64(n);
        return true;
    }

    bool literal(bool &value)
    {
        space();
        const auto rest = std::string_view(p, std::size_t(m_end - p));
        if (rest.starts_with("true")) {
            p += 4;
            value = true;
            return true;
        }
        if (rest.starts_with("false")) {
            p += 5;
            value = false;
            return true;
        }
        return false;
    }

    const char *p;

private:
    const char *m_end;
};

// The text of a string token whose content is [begin, end).
inline QByteArray unescape(const char *begin, const char *end, bool escaped)
{
    if (!escaped)
        return QByteArray(begin, end - begin);
    QByteArray out;
    out.reserve(end - begin);
    for (const char *p = begin; p < end; ++p) {
        if (*p != '\\') {
            out.append(*p);
            continue;
        }
        ++p;
        switch (*p) {
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u':
            out.append(char(hexDigit(p[1]) * 4096 + hexDigit(p[2]) * 256 + hexDigit(p[3]) * 16 + hexDigit(p[4])));
            p += 4;
            break;
        default:
            out.append(*p);
            break; // " \ /
        }
    }
    return out;
}

} // namespace Flight::Format::FastPath
