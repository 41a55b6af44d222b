// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

namespace Flight::Format {

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr char32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

JsonWriter::JsonWriter(QByteArray &out)
    : m_out(out)
{
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (!m_first.back())
            m_out.append(',');
        m_first.back() = false;
    }
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_first.append(true);
}

void JsonWriter::endObject()
{
    m_first.removeLast();
    m_out.append('}');
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_first.append(true);
}

void JsonWriter::endArray()
{
    m_first.removeLast();
    m_out.append(']');
}

void JsonWriter::key(QByteArrayView name)
{
    separate();
    escaped(name);
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::escaped(QByteArrayView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    m_out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(text.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        default:
            m_out.append("\\u00");
            m_out.append(kHex[c >> 4]);
            m_out.append(kHex[c & 0xF]);
        }
    }
    m_out.append(text.data() + runStart, text.size() - runStart);
    m_out.append('"');
}

void JsonWriter::string(QStringView text)
{
    separate();
    escaped(text.toUtf8());
}

void JsonWriter::utf8(QByteArrayView text)
{
    separate();
    escaped(text);
}

void JsonWriter::bytes(QByteArrayView raw)
{
    if (isValidUtf8(raw)) {
        utf8(raw);
        return;
    }
    beginObject();
    key("b64");
    utf8(raw.toByteArray().toBase64());
    endObject();
}

void JsonWriter::integer(qint64 value)
{
    separate();
    m_out.append(QByteArray::number(value));
}

void JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? "true" : "false");
}

} // namespace Flight::Format
