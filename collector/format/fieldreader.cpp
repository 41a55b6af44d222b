// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldreader.h"

#include "formatversion.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
// Qt keeps JSON integers as qint64; toInteger() returns its default for fractions and out-of-range numbers, so two
// different defaults tell an exact integer from anything else.
bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toInteger(0) == v.toInteger(1);
}
} // namespace

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
        fail(u"members '%1' and '%2' must come together"_s.arg(QLatin1StringView(pidName), QLatin1StringView(startName)));
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
    const bool hex = s.size() == kDigestBytes * 2
        && std::all_of(s.begin(), s.end(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
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
