// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the members of one untrusted JSON object with type and range checks. The first problem is kept as the
// error ("member 'pid' is 0, expected 1..4194304"); later calls return defaults, so decoding code stays linear and
// checks failed() once at the end. finish() also rejects members nobody asked for.
#pragma once

#include "event.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVarLengthArray>

namespace Flight::Format {

// What QJsonDocument accepts but FORMAT.md forbids, found on the raw text before parsing it: nesting deeper than
// `maxDepth`, numbers with a fraction or an exponent (Qt silently turns 3.0 into 3 and rounds 1760000000000000001.0
// through a double), duplicate members (Qt silently keeps the last one), and unpaired surrogate escapes such as
// "\ud800" (no UTF-8 form). Returns the first problem found, or nothing; JSON syntax errors are left to the parser.
std::optional<QString> strictJsonProblem(QByteArrayView json, int maxDepth);

class FieldReader
{
public:
    // `context` prefixes messages, e.g. "proc.exec" or "manifest host".
    FieldReader(const QJsonObject &object, QString context);

    qint64 int64(const char *name, qint64 min, qint64 max);
    std::optional<qint64> optInt64(const char *name, qint64 min, qint64 max);
    bool optBool(const char *name); // absent -> false
    bool boolean(const char *name); // required
    QString string(const char *name, qsizetype maxUtf8Bytes);
    std::optional<QString> optString(const char *name, qsizetype maxUtf8Bytes);
    QByteArray bytes(const char *name);
    std::optional<QByteArray> optBytes(const char *name);
    QJsonArray array(const char *name);
    std::optional<QJsonArray> optArray(const char *name);
    QJsonObject object(const char *name);
    ProcKey procKey(const char *pidName, const char *startName, qint64 minPid = 1);
    std::optional<ProcKey> optProcKey(const char *pidName, const char *startName);
    qint64 id(const char *name); // uid/gid, 0..4294967294
    std::optional<qint64> optId(const char *name);
    QString hexDigest(const char *name, bool allowEmpty);

    // Decodes a value found inside an array or object member; `what` names it in errors.
    QByteArray bytesValue(const QJsonValue &value, const QString &what);

    // Fails with `message` (prefixed with the context) unless a failure was already recorded.
    void fail(const QString &message);
    bool failed() const { return m_error.has_value(); }
    // Checks for unknown members; returns true when everything read was valid.
    bool finish();
    QString errorMessage() const { return m_error.value_or(QString()); }

private:
    QJsonValue take(const char *name, bool required);

    const QJsonObject &m_object;
    QString m_context;
    QVarLengthArray<QLatin1StringView, 24> m_seen;
    std::optional<QString> m_error;
};

} // namespace Flight::Format
