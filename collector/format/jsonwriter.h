// SPDX-License-Identifier: GPL-3.0-or-later
// A small, allocation-light JSON writer for event lines and manifests: members come out in the order written, so
// the output is deterministic and `kind` stays first. Writes valid UTF-8 only; raw bytes use FORMAT.md §2.3.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

namespace Flight::Format {

bool isValidUtf8(QByteArrayView bytes);

class JsonWriter
{
public:
    // Appends to `out`, which must outlive the writer.
    explicit JsonWriter(QByteArray &out);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QByteArrayView name); // escaped, so names taken from data are safe

    void string(QStringView text);
    void utf8(QByteArrayView text); // must be valid UTF-8
    void bytes(QByteArrayView raw); // string when valid UTF-8, else {"b64": ...}
    void integer(qint64 value);
    void boolean(bool value);

    void value(qint64 v) { integer(v); }
    void value(int v) { integer(v); }
    void value(bool v) { boolean(v); }
    void value(const QString &v) { string(v); }
    void value(const char *v) { utf8(v); }

    // key + value in one call
    template <typename T> void member(QByteArrayView name, const T &v)
    {
        key(name);
        value(v);
    }

private:
    void separate();
    void escaped(QByteArrayView utf8Text);

    QByteArray &m_out;
    QVarLengthArray<bool, 8> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace Flight::Format
