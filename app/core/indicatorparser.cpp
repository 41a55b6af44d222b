// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorparser.h"

#include "indicatorglob.h"

#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

const QRegularExpression &dottedQuad()
{
    static const QRegularExpression re(u"^\\d{1,3}(\\.\\d{1,3}){3}$"_s);
    return re;
}

const QRegularExpression &hexDigits()
{
    static const QRegularExpression re(u"^[0-9a-fA-F]+$"_s);
    return re;
}

// Strict: QHostAddress also takes inet_aton's short forms ("127.1", "1234"), which no list means as addresses.
std::optional<QHostAddress> strictAddress(const QString &text)
{
    if (!text.contains(u':') && !dottedQuad().match(text).hasMatch())
        return std::nullopt;
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    return address;
}

QString refang(QString value)
{
    value.replace("[.]"_L1, "."_L1).replace("(.)"_L1, "."_L1).replace("[:]"_L1, ":"_L1).replace("{.}"_L1, "."_L1);
    if (value.startsWith("hxxp"_L1, Qt::CaseInsensitive))
        value.replace(0, 4, u"http"_s);
    return value;
}

std::optional<Indicator> parseAddress(const QString &value, QString *reason)
{
    const qsizetype slash = value.indexOf(u'/');
    if (slash < 0) {
        if (auto address = strictAddress(value))
            return Indicator{IndicatorType::Address, address->toString(), {}, 0};
        *reason = u"\u201c%1\u201d is not an IP address"_s.arg(value);
        return std::nullopt;
    }
    bool prefixOk = false;
    const int prefix = value.mid(slash + 1).toInt(&prefixOk);
    const auto address = strictAddress(value.left(slash));
    const int bits = address && address->protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
    if (!address || !prefixOk || prefix < 0 || prefix > bits) {
        *reason = u"\u201c%1\u201d is not a CIDR range"_s.arg(value);
        return std::nullopt;
    }
    const auto subnet = QHostAddress::parseSubnet(value);
    if (prefix == bits)
        return Indicator{IndicatorType::Address, subnet.first.toString(), {}, 0};
    return Indicator{IndicatorType::Address, u"%1/%2"_s.arg(subnet.first.toString()).arg(prefix), {}, 0};
}

std::optional<Indicator> parseDomain(QString value, QString *reason)
{
    value = value.toLower();
    if (value.startsWith("*."_L1))
        value = value.mid(2); // subdomains match anyway
    if (value.endsWith(u'.'))
        value.chop(1);
    const QString ace = QString::fromLatin1(QUrl::toAce(value));
    static const QRegularExpression label(u"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$"_s);
    const QStringList labels = ace.split(u'.');
    bool ok = !ace.isEmpty() && ace.size() <= 253 && labels.size() >= 2;
    for (const QString &part : labels)
        ok = ok && label.match(part).hasMatch();
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    if (!ok || digits.match(labels.constLast()).hasMatch()) {
        *reason = u"\u201c%1\u201d is not a domain"_s.arg(value);
        return std::nullopt;
    }
    return Indicator{IndicatorType::Domain, ace, {}, 0};
}

// The algorithms a digest of `hexLength` digits can be; the first is stored when the list does not say.
QString algorithmOfLength(qsizetype hexLength)
{
    switch (hexLength) {
    case 32:
        return u"md5"_s;
    case 40:
        return u"sha1"_s;
    default:
        return {}; // 64: SHA-256 or BLAKE2b-256; 128: SHA-512 or BLAKE2b-512
    }
}

int hexLengthOf(const QString &algorithm)
{
    static const QHash<QString, int> lengths{{u"md5"_s, 32},         {u"sha1"_s, 40},        {u"sha256"_s, 64},
                                             {u"blake2b-256"_s, 64}, {u"sha512"_s, 128},     {u"blake2b-512"_s, 128}};
    return lengths.value(algorithm, 0);
}

std::optional<Indicator> parseDigest(const QString &value, const QString &algorithm, QString *reason)
{
    const qsizetype length = value.size();
    const bool knownLength = length == 32 || length == 40 || length == 64 || length == 128;
    if (!hexDigits().match(value).hasMatch() || !knownLength) {
        *reason = u"\u201c%1\u201d is not a digest (32, 40, 64 or 128 hex digits)"_s.arg(value);
        return std::nullopt;
    }
    if (!algorithm.isEmpty() && hexLengthOf(algorithm) != length) {
        *reason = u"\u201c%1\u201d is not a %2 digest (%3 hex digits)"_s.arg(value, algorithm).arg(length);
        return std::nullopt;
    }
    return Indicator{IndicatorType::Digest, value.toLower(), algorithm.isEmpty() ? algorithmOfLength(length) : algorithm,
                     0};
}

std::optional<Indicator> parsePath(const QString &value, QString *reason)
{
    if (!value.startsWith(u'/') && !value.startsWith("**/"_L1)) {
        *reason = u"\u201c%1\u201d is not a path pattern (it must start with / or **/)"_s.arg(value);
        return std::nullopt;
    }
    if (!globRegularExpression(value.toUtf8()).isValid()) {
        *reason = u"\u201c%1\u201d is not a valid glob"_s.arg(value);
        return std::nullopt;
    }
    return Indicator{IndicatorType::Path, value, {}, 0};
}

// The host of a URL ("http://evil.example/x"), as an address or domain indicator.
std::optional<Indicator> parseUrlHost(const QString &value, QString *reason)
{
    const QUrl url(value, QUrl::StrictMode);
    const QString host = url.host();
    if (!url.isValid() || host.isEmpty()) {
        *reason = u"\u201c%1\u201d is not a URL with a host"_s.arg(value);
        return std::nullopt;
    }
    if (strictAddress(host))
        return parseAddress(host, reason);
    return parseDomain(host, reason);
}

// CSV type words of common feeds (MISP, OpenCTI exports, abuse.ch) -> type and digest algorithm.
std::optional<std::pair<IndicatorType, QString>> csvType(const QString &word)
{
    static const QHash<QString, std::pair<IndicatorType, QString>> types{
        {u"ip"_s, {IndicatorType::Address, {}}},        {u"ipv4"_s, {IndicatorType::Address, {}}},
        {u"ipv6"_s, {IndicatorType::Address, {}}},      {u"ip-dst"_s, {IndicatorType::Address, {}}},
        {u"ip-src"_s, {IndicatorType::Address, {}}},    {u"address"_s, {IndicatorType::Address, {}}},
        {u"cidr"_s, {IndicatorType::Address, {}}},      {u"subnet"_s, {IndicatorType::Address, {}}},
        {u"domain"_s, {IndicatorType::Domain, {}}},     {u"hostname"_s, {IndicatorType::Domain, {}}},
        {u"fqdn"_s, {IndicatorType::Domain, {}}},       {u"url"_s, {IndicatorType::Domain, u"url"_s}},
        {u"md5"_s, {IndicatorType::Digest, u"md5"_s}},  {u"sha1"_s, {IndicatorType::Digest, u"sha1"_s}},
        {u"sha-1"_s, {IndicatorType::Digest, u"sha1"_s}}, {u"sha256"_s, {IndicatorType::Digest, u"sha256"_s}},
        {u"sha-256"_s, {IndicatorType::Digest, u"sha256"_s}}, {u"sha512"_s, {IndicatorType::Digest, u"sha512"_s}},
        {u"sha-512"_s, {IndicatorType::Digest, u"sha512"_s}}, {u"blake2b"_s, {IndicatorType::Digest, u"blake2b-256"_s}},
        {u"blake2b-256"_s, {IndicatorType::Digest, u"blake2b-256"_s}},
        {u"blake2b256"_s, {IndicatorType::Digest, u"blake2b-256"_s}},
        {u"blake2b-512"_s, {IndicatorType::Digest, u"blake2b-512"_s}},
        {u"hash"_s, {IndicatorType::Digest, {}}},       {u"digest"_s, {IndicatorType::Digest, {}}},
        {u"path"_s, {IndicatorType::Path, {}}},         {u"glob"_s, {IndicatorType::Path, {}}},
        {u"filepath"_s, {IndicatorType::Path, {}}},     {u"filename"_s, {IndicatorType::Path, u"filename"_s}},
    };
    const auto it = types.constFind(word.trimmed().toLower());
    if (it == types.constEnd())
        return std::nullopt;
    return *it;
}

// One CSV record's fields (RFC 4180 quoting within the line; a quoted field does not span lines).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"')
                field += c, ++i;
            else if (c == u'"')
                quoted = false;
            else
                field += c;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field.trimmed());
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field.trimmed());
    return fields;
}

struct CsvColumns
{
    qsizetype type = -1;
    qsizetype value = -1;
};

std::optional<CsvColumns> csvHeader(const QString &line)
{
    if (!line.contains(u','))
        return std::nullopt;
    const QStringList fields = csvFields(line);
    CsvColumns columns;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString name = fields.at(i).toLower();
        if (name == "type"_L1 && columns.type < 0)
            columns.type = i;
        else if ((name == "value"_L1 || name == "indicator"_L1 || name == "ioc"_L1) && columns.value < 0)
            columns.value = i;
    }
    if (columns.type < 0 || columns.value < 0)
        return std::nullopt;
    return columns;
}

std::optional<Indicator> parseCsvRecord(const QString &line, const CsvColumns &columns, QString *reason)
{
    const QStringList fields = csvFields(line);
    if (fields.size() <= std::max(columns.type, columns.value)) {
        *reason = u"has %1 fields, the header names %2"_s.arg(fields.size()).arg(std::max(columns.type, columns.value) + 1);
        return std::nullopt;
    }
    const QString word = fields.at(columns.type);
    const auto type = csvType(word);
    if (!type) {
        *reason = u"unknown indicator type \u201c%1\u201d"_s.arg(word);
        return std::nullopt;
    }
    const QString value = refang(fields.at(columns.value));
    if (type->second == "url"_L1)
        return parseUrlHost(value, reason);
    if (type->second == "filename"_L1) // a bare file name: wherever it lies
        return parseIndicatorValue(IndicatorType::Path, u"**/"_s + value, {}, reason);
    return parseIndicatorValue(type->first, value, type->second, reason);
}

} // namespace

QString sizeText(qint64 bytes)
{
    constexpr qint64 mebibyte = 1024 * 1024;
    return bytes % mebibyte == 0 ? u"%1 MiB"_s.arg(bytes / mebibyte) : u"%1 bytes"_s.arg(bytes);
}

QString indicatorTypeName(IndicatorType type)
{
    switch (type) {
    case IndicatorType::Address:
        return u"address"_s;
    case IndicatorType::Domain:
        return u"domain"_s;
    case IndicatorType::Digest:
        return u"digest"_s;
    case IndicatorType::Path:
        return u"path"_s;
    }
    return {};
}

std::optional<IndicatorType> indicatorTypeFromName(const QString &name)
{
    for (IndicatorType type : {IndicatorType::Address, IndicatorType::Domain, IndicatorType::Digest, IndicatorType::Path})
        if (indicatorTypeName(type) == name)
            return type;
    return std::nullopt;
}

std::optional<Indicator> parseIndicatorValue(IndicatorType type, const QString &value, const QString &algorithm,
                                             QString *reason)
{
    if (value.isEmpty()) {
        *reason = u"the value is empty"_s;
        return std::nullopt;
    }
    switch (type) {
    case IndicatorType::Address:
        return parseAddress(value, reason);
    case IndicatorType::Domain:
        return parseDomain(value, reason);
    case IndicatorType::Digest:
        return parseDigest(value, algorithm, reason);
    case IndicatorType::Path:
        return parsePath(value, reason);
    }
    return std::nullopt;
}

std::optional<Indicator> inferIndicator(const QString &raw, QString *reason)
{
    const QString value = refang(raw);
    if (value.contains("://"_L1))
        return parseUrlHost(value, reason);
    if (value.startsWith(u'/') || value.startsWith("**/"_L1))
        return parsePath(value, reason);
    if (value.contains(u'/') || strictAddress(value))
        return parseAddress(value, reason);
    if (hexDigits().match(value).hasMatch() && value.size() >= 32)
        return parseDigest(value, {}, reason);
    QString domainReason;
    if (auto domain = parseDomain(value, &domainReason))
        return domain;
    *reason = u"\u201c%1\u201d is not an IP address, CIDR range, domain, digest or path pattern"_s.arg(value);
    return std::nullopt;
}

Expected<ParsedIndicators> parseIndicatorList(const QByteArray &data, const QString &name,
                                              const IndicatorLimits &limits)
{
    if (data.size() > limits.maxBytes)
        return storeError(StoreReason::Conflict, u"indicator list %1 is larger than %2"_s.arg(name, sizeText(limits.maxBytes)));
    if (data.contains('\0'))
        return storeError(StoreReason::Conflict, u"indicator list %1 is not text (it holds NUL bytes)"_s.arg(name));
    ParsedIndicators parsed;
    QSet<QString> seen;
    std::optional<CsvColumns> columns;
    bool headerSeen = false;
    int lineNumber = 0;
    const auto problem = [&](const QString &reason) {
        ++parsed.badLines;
        if (parsed.problems.size() < limits.maxProblemsKept)
            parsed.problems.append({lineNumber, reason});
    };
    for (qsizetype at = 0; at < data.size();) {
        qsizetype end = data.indexOf('\n', at);
        if (end < 0)
            end = data.size();
        QByteArrayView bytes = QByteArrayView(data).sliced(at, end - at);
        at = end + 1;
        ++lineNumber;
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        if (bytes.size() > limits.maxLineLength) {
            problem(u"the line is longer than %1 bytes"_s.arg(limits.maxLineLength));
            continue;
        }
        QStringDecoder utf8(QStringDecoder::Utf8);
        QString line = utf8.decode(bytes);
        if (utf8.hasError()) {
            problem(u"the line is not UTF-8"_s);
            continue;
        }
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0 && !columns)
            line.truncate(hash);
        else if (columns && line.trimmed().startsWith(u'#'))
            line.clear();
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (!headerSeen) {
            headerSeen = true;
            columns = csvHeader(line);
            parsed.csv = columns.has_value();
            if (columns)
                continue;
        }
        QString reason;
        auto indicator = columns ? parseCsvRecord(line, *columns, &reason) : inferIndicator(line, &reason);
        if (!indicator) {
            problem(reason);
            continue;
        }
        indicator->line = lineNumber;
        if (!Q_LIKELY(seen.size() < limits.maxIndicators))
            return storeError(StoreReason::Conflict, u"indicator list %1 holds more than %2 indicators"_s.arg(name).arg(
                                                         limits.maxIndicators));
        const QString key = indicatorTypeName(indicator->type) + u'\x1f' + indicator->value;
        if (seen.contains(key)) {
            ++parsed.duplicates;
            continue;
        }
        seen.insert(key);
        parsed.indicators.append(*indicator);
    }
    if (parsed.indicators.isEmpty())
        return storeError(StoreReason::Conflict, u"indicator list %1 holds no indicator (%2 bad lines)"_s.arg(name).arg(
                                                     parsed.badLines));
    return parsed;
}

} // namespace Deck::Core
