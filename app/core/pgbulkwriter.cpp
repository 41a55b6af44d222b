// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgbulkwriter.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr qsizetype kSendBytes = 1 << 20;

QString resultText(PGresult *result, pg_conn *conn)
{
    const char *text = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    return QString::fromUtf8(text).trimmed().section(u'\n', 0, 0);
}

} // namespace

PgBulkWriter::PgBulkWriter(void *pgconn, QString databaseName)
    : m_conn(static_cast<pg_conn *>(pgconn))
    , m_name(std::move(databaseName))
{
    m_buffer.reserve(kSendBytes + 64 * 1024);
}

PgBulkWriter::~PgBulkWriter()
{
    abort();
}

Error PgBulkWriter::error(const QString &what) const
{
    return storeError(StoreReason::Sql, u"%1: %2 %3: %4"_s.arg(m_name, what, m_table, resultText(nullptr, m_conn)));
}

Expected<void> PgBulkWriter::start(QLatin1StringView table, const QList<QLatin1StringView> &columns)
{
    m_table = table;
    QStringList names;
    for (const QLatin1StringView column : columns)
        names.append(column);
    const QByteArray sql = u"COPY %1 (%2) FROM STDIN"_s.arg(table, names.join(u',')).toUtf8();
    PGresult *result = PQexec(m_conn, sql.constData());
    const bool ok = PQresultStatus(result) == PGRES_COPY_IN;
    const QString text = ok ? QString() : resultText(result, m_conn);
    PQclear(result);
    if (!ok)
        return storeError(StoreReason::Sql, u"%1: cannot start COPY into %2: %3"_s.arg(m_name, m_table, text));
    m_copying = true;
    m_buffer.clear();
    return {};
}

void PgBulkWriter::addNull()
{
    m_buffer.append("\\N\t", 3);
}

void PgBulkWriter::addInt(qint64 value)
{
    char digits[24];
    char *end = digits + sizeof digits;
    char *p = end;
    quint64 magnitude = value < 0 ? quint64(0) - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    m_buffer.append(p, end - p);
    m_buffer.append('\t');
}

void PgBulkWriter::addText(QByteArrayView utf8)
{
    const char *data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype plain = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        const char *escape = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
        if (!escape)
            continue;
        m_buffer.append(data + plain, i - plain);
        m_buffer.append(escape, 2);
        plain = i + 1;
    }
    m_buffer.append(data + plain, size - plain);
    m_buffer.append('\t');
}

void PgBulkWriter::addBlob(QByteArrayView bytes)
{
    static const char hex[] = "0123456789abcdef";
    m_buffer.append("\\\\x", 3);
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + bytes.size() * 2);
    char *out = m_buffer.data() + at;
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        *out++ = hex[b >> 4];
        *out++ = hex[b & 15];
    }
    m_buffer.append('\t');
}

Expected<void> PgBulkWriter::endRow()
{
    m_buffer.back() = '\n';
    if (m_buffer.size() >= kSendBytes)
        return send();
    return {};
}

Expected<void> PgBulkWriter::send()
{
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
        return error(u"cannot send rows of"_s);
    m_buffer.clear();
    return {};
}

Expected<void> PgBulkWriter::finish()
{
    auto sent = send();
    m_copying = false;
    if (PQputCopyEnd(m_conn, sent ? nullptr : "client error") != 1 && sent)
        sent = error(u"cannot end COPY into"_s);
    QString failure;
    while (PGresult *result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && failure.isEmpty())
            failure = resultText(result, m_conn);
        PQclear(result);
    }
    if (!sent)
        return sent;
    if (!failure.isEmpty())
        return storeError(StoreReason::Sql, u"%1: COPY into %2 failed: %3"_s.arg(m_name, m_table, failure));
    return {};
}

void PgBulkWriter::abort()
{
    m_buffer.clear();
    if (!m_copying)
        return;
    m_copying = false;
    PQputCopyEnd(m_conn, "aborted");
    while (PGresult *result = PQgetResult(m_conn))
        PQclear(result);
}

} // namespace Deck::Core
