// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldreader.h"

#include "formatversion.h"

#include <QJsonDocument>
#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
// Qt keeps JSON integers as qint64; toInteger() returns its default for fractions and out-of-range numbers, so two
// different defaults tell an exact integer from anything else.
bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toInteger(0) == v.toInteger(1);
}

// A member name as text: raw when it has no escapes, else decoded by the JSON parser (rare: writers never escape).
QByteArray memberName(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QByteArray::fromRawData(raw.data(), raw.size());
    const QJsonDocument doc = QJsonDocument::fromJson("[\"" + raw.toByteArray() + "\"]");
    return doc.array().at(0).toString().toUtf8();
}

// The UTF-16 unit of the four hex digits at `at`, or -1 (a syntax error, left to the parser).
int hexUnit(QByteArrayView json, qsizetype at)
{
    if (at + 4 > json.size())
        return -1;
    int unit = 0;
    for (qsizetype k = at; k < at + 4; ++k) {
        const char h = json[k];
        const int digit = h >= '0' && h <= '9' ? h - '0'
            : h >= 'a' && h <= 'f'             ? h - 'a' + 10
            : h >= 'A' && h <= 'F'             ? h - 'A' + 10
                                               : -1;
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

QString shown(QByteArrayView text)
{
    return QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 64)));
}

} // namespace

std::optional<QString> strictJsonProblem(QByteArrayView json, int maxDepth)
{
    struct Level
    {
        bool object;
        bool expectName;
        qsizetype firstName; // this object's member names are names[firstName...]
        QByteArray lastName;
    };
    QVarLengthArray<Level, 10> levels;
    QVarLengthArray<QByteArray, 32> names;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n;) {
        const char c = json[i];
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < n && json[end] != '"') {
                // Qt's parser takes raw control characters and unknown escapes ("\q" -> "q"); JSON does not, and
                // other readers of the archive (jq, Python) would reject the line.
                if (static_cast<unsigned char>(json[end]) < 0x20)
                    return u"a string holds a raw control character (0x%1)"_s.arg(int(json[end]), 2, 16, QLatin1Char('0'));
                if (json[end] != '\\') {
                    ++end;
                    continue;
                }
                if (end + 1 >= n || !std::strchr("\"\\/bfnrtu", json[end + 1]) || json[end + 1] == '\0'
                    || (json[end + 1] == 'u' && hexUnit(json, end + 2) < 0))
                    return u"a string holds an invalid escape '%1'"_s.arg(shown(json.sliced(end, std::min<qsizetype>(2, n - end))));
                // "\ud800" alone is valid JSON but no Unicode text: Qt keeps the lone surrogate, which has no UTF-8
                // form, so the value would change when written again. Only a high surrogate followed by a low one
                // is a character.
                const int unit = end + 1 < n && json[end + 1] == 'u' ? hexUnit(json, end + 2) : -1;
                if (unit >= 0xd800 && unit <= 0xdbff && end + 7 < n && json[end + 6] == '\\' && json[end + 7] == 'u') {
                    const int low = hexUnit(json, end + 8);
                    if (low >= 0xdc00 && low <= 0xdfff) {
                        end += 12;
                        continue;
                    }
                }
                if (unit >= 0xd800 && unit <= 0xdfff)
                    return u"a string holds an unpaired surrogate '%1', which is not Unicode text"_s.arg(
                        shown(json.sliced(end, 6)));
                end += 2;
            }
            if (end >= n)
                return std::nullopt; // unterminated string: a syntax error
            if (!levels.isEmpty() && levels.back().object && levels.back().expectName) {
                levels.back().expectName = false;
                levels.back().lastName = memberName(json.sliced(i + 1, end - i - 1));
                names.append(levels.back().lastName);
            }
            i = end + 1;
        } else if (c == '{' || c == '[') {
            if (levels.size() >= maxDepth)
                return u"nesting deeper than %1"_s.arg(maxDepth);
            levels.append({c == '{', c == '{', names.size(), {}});
            ++i;
        } else if (c == '}' || c == ']') {
            if (levels.isEmpty())
                return std::nullopt;
            // Sorting finds duplicates in O(k log k), so an object with many members cannot stall the reader.
            auto first = names.begin() + levels.back().firstName;
            std::sort(first, names.end());
            if (const auto dup = std::adjacent_find(first, names.end()); dup != names.end())
                return u"duplicate member '%1'"_s.arg(shown(*dup));
            names.resize(levels.back().firstName);
            levels.removeLast();
            ++i;
        } else if (c == '\r') {
            return u"a carriage return outside a string"_s;
        } else if (c == ',') {
            if (!levels.isEmpty() && levels.back().object)
                levels.back().expectName = true;
            ++i;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype end = i;
            bool integer = true;
            for (; end < n && std::strchr("0123456789+-.eE", json[end]) && json[end] != '\0'; ++end)
                integer = integer && json[end] != '.' && json[end] != 'e' && json[end] != 'E';
            if (!integer) {
                const QString where = !levels.isEmpty() && levels.back().object
                    ? u"member '%1'"_s.arg(shown(levels.back().lastName))
                    : u"an array element"_s;
                return u"%1 is not an integer: %2 is not a JSON integer (it has a fraction or an exponent)"_s.arg(
                    where, shown(json.sliced(i, end - i)));
            }
            i = end;
        } else {
            ++i;
        }
    }
    return std::nullopt;
}

FieldReader::FieldReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{
}

void FieldReader::fail(const QString &message)
{
    if (!m_error)
        m_error = m_context.isEmpty() ? message : m_context + u": "_s + message;
}

QJsonValue FieldReader::take(const char *name, bool required)
{
    const QLatin1StringView key(name);
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined()) {
        if (required)
            fail(u"missing member '%1'"_s.arg(key));
        return v;
    }
    m_seen.append(key);
    return v;
}

qint64 FieldReader::int64(const char *name, qint64 min, qint64 max)
{
    if (!m_object.contains(QLatin1StringView(name))) {
        fail(u"missing member '%1'"_s.arg(QLatin1StringView(name)));
        return min;
    }
    return optInt64(name, min, max).value_or(min);
}

std::optional<qint64> FieldReader::optInt64(const char *name, qint64 min, qint64 max)
{
    const QJsonValue v = take(name, false);
    if (v.isUndefined())
        return std::nullopt;
    if (!isInteger(v)) {
        fail(u"member '%1' is not an integer"_s.arg(QLatin1StringView(name)));
        return std::nullopt;
    }
    const qint64 n = v.toInteger();
    if (n < min || n > max) {
        fail(u"member '%1' is %2, expected %3..%4"_s.arg(QLatin1StringView(name)).arg(n).arg(min).arg(max));
        return std::nullopt;
    }
    return n;
}

bool FieldReader::optBool(const char *name)
{
    const QJsonValue v = take(name, false);
    if (v.isUndefined())
        return false;
    if (!v.isBool())
        fail(u"member '%1' is not a boolean"_s.arg(QLatin1StringView(name)));
    return v.toBool();
}

bool FieldReader::boolean(const char *name)
{
    const QJsonValue v = take(name, true);
    if (!v.isUndefined() && !v.isBool())
        fail(u"member '%1' is not a boolean"_s.arg(QLatin1StringView(name)));
    return v.toBool();
}

std::optional<QString> FieldReader::optString(const char *name, qsizetype maxUtf8Bytes)
{
    const QJsonValue v = take(name, false);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isString()) {
        fail(u"member '%1' is not a string"_s.arg(QLatin1StringView(name)));
        return std::nullopt;
    }
    QString s = v.toString();
    // UTF-16 length bounds the UTF-8 length from below (x1) and above (x3); only measure when it can matter.
    if (s.size() * 3 > maxUtf8Bytes && s.toUtf8().size() > maxUtf8Bytes) {
        fail(u"member '%1' is longer than %2 bytes"_s.arg(QLatin1StringView(name)).arg(maxUtf8Bytes));
        return std::nullopt;
    }
    return s;
}

QString FieldReader::string(const char *name, qsizetype maxUtf8Bytes)
{
    if (!m_object.contains(QLatin1StringView(name))) {
        fail(u"missing member '%1'"_s.arg(QLatin1StringView(name)));
        return {};
    }
    return optString(name, maxUtf8Bytes).value_or(QString());
}

QByteArray FieldReader::bytesValue(const QJsonValue &v, const QString &what)
{
    QByteArray raw;
    if (v.isString()) {
        raw = v.toString().toUtf8();
    } else if (v.isObject() && v.toObject().size() == 1 && v.toObject().value("b64"_L1).isString()) {
        auto decoded = QByteArray::fromBase64Encoding(v.toObject().value("b64"_L1).toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            fail(u"%1 has invalid base64"_s.arg(what));
            return {};
        }
        raw = std::move(decoded.decoded);
    } else {
        fail(u"%1 is neither a string nor {\"b64\": ...}"_s.arg(what));
        return {};
    }
    if (raw.contains('\0'))
        fail(u"%1 contains a NUL byte"_s.arg(what));
    return raw;
}

std::optional<QByteArray> FieldReader::optBytes(const char *name)
{
    const QJsonValue v = take(name, false);
    if (v.isUndefined())
        return std::nullopt;
    return bytesValue(v, u"member '%1'"_s.arg(QLatin1StringView(name)));
}

QByteArray FieldReader::bytes(const char *name)
{
    const QJsonValue v = take(name, true);
    if (v.isUndefined())
        return {};
    return bytesValue(v, u"member '%1'"_s.arg(QLatin1StringView(name)));
}

std::optional<QJsonArray> FieldReader::optArray(const char *name)
{
    const QJsonValue v = take(name, false);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isArray()) {
        fail(u"member '%1' is not an array"_s.arg(QLatin1StringView(name)));
        return std::nullopt;
    }
    return v.toArray();
}

QJsonArray FieldReader::array(const char *name)
{
    if (!m_object.contains(QLatin1StringView(name))) {
        fail(u"missing member '%1'"_s.arg(QLatin1StringView(name)));
        return {};
    }
    return optArray(name).value_or(QJsonArray());
}

QJsonObject FieldReader::object(const char *name)
{
    const QJsonValue v = take(name, true);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(u"member '%1' is not an object"_s.arg(QLatin1StringView(name)));
        return {};
    }
    return v.toObject();
}

ProcKey FieldReader::procKey(const char *pidName, const char *startName, qint64 minPid)
{
    ProcKey key;
    key.pid = int64(pidName, minPid, kMaxPid);
    key.start = int64(startName, 0, std::numeric_limits<qint64>::max());
    return key;
}

std::optional<ProcKey> FieldReader::optProcKey(const char *pidName, const char *startName)
{
    const bool hasPid = m_object.contains(QLatin1StringView(pidName));
    if (hasPid != m_object.contains(QLatin1StringView(startName))) {
        fail(u"members '%1' and '%2' must come together"_s.arg(QLatin1StringView(pidName),
                                                               QLatin1StringView(startName)));
        return std::nullopt;
    }
    if (!hasPid)
        return std::nullopt;
    return procKey(pidName, startName);
}

qint64 FieldReader::id(const char *name)
{
    return int64(name, 0, kUnsetId - 1);
}

std::optional<qint64> FieldReader::optId(const char *name)
{
    return optInt64(name, 0, kUnsetId - 1);
}

QString FieldReader::hexDigest(const char *name, bool allowEmpty)
{
    const QString s = string(name, kDigestBytes * 2);
    if (failed() || (allowEmpty && s.isEmpty()))
        return s;
    const bool hex = s.size() == kDigestBytes * 2 && std::all_of(s.begin(), s.end(), [](QChar c) {
                         return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
                     });
    if (!hex)
        fail(u"member '%1' is not a 64-digit lowercase hex digest"_s.arg(QLatin1StringView(name)));
    return s;
}

bool FieldReader::finish()
{
    if (failed())
        return false;
    if (m_seen.size() == m_object.size())
        return true;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (std::find(m_seen.begin(), m_seen.end(), it.key()) == m_seen.end()) {
            fail(u"unknown member '%1'"_s.arg(it.key()));
            return false;
        }
    }
    return true;
}

} // namespace Flight::Format
