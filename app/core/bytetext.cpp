// SPDX-License-Identifier: GPL-3.0-or-later
#include "bytetext.h"

#include "jsonwriter.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// Length of the valid UTF-8 sequence at `i`, 0 when the byte there does not start one.
qsizetype utf8Length(QByteArrayView bytes, qsizetype i)
{
    const auto b = quint8(bytes[i]);
    const qsizetype n = b < 0x80 ? 1 : (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : (b & 0xf8) == 0xf0 ? 4 : 0;
    if (n == 0 || i + n > bytes.size())
        return 0;
    return Flight::Format::isValidUtf8(bytes.sliced(i, n)) ? n : 0;
}

} // namespace

QString displayBytes(QByteArrayView bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size();) {
        const auto b = quint8(bytes[i]);
        if (b == '\\') {
            text += "\\\\"_L1;
            ++i;
        } else if (b == '\n') {
            text += "\\n"_L1;
            ++i;
        } else if (b == '\t') {
            text += "\\t"_L1;
            ++i;
        } else if (b == '\r') {
            text += "\\r"_L1;
            ++i;
        } else if (b < 0x20 || b == 0x7f) {
            text += u"\\x%1"_s.arg(uint(b), 2, 16, QLatin1Char('0'));
            ++i;
        } else if (const qsizetype n = utf8Length(bytes, i); n > 0) {
            text += QString::fromUtf8(bytes.sliced(i, n));
            i += n;
        } else {
            text += u"\\x%1"_s.arg(uint(b), 2, 16, QLatin1Char('0'));
            ++i;
        }
    }
    return text;
}

QList<QByteArray> argvElements(const QByteArray &argv)
{
    if (argv.isEmpty())
        return {};
    return argv.split('\0');
}

QString displayArgv(const QByteArray &argv)
{
    QStringList words;
    for (const QByteArray &element : argvElements(argv)) {
        QString word = displayBytes(element);
        if (word.isEmpty() || word.contains(u' ') || word.contains(u'"'))
            word = u'"' + word.replace(u'"', "\\\""_L1) + u'"';
        words.append(word);
    }
    return words.join(u' ');
}

QJsonValue bytesJson(QByteArrayView bytes)
{
    if (Flight::Format::isValidUtf8(bytes))
        return QString::fromUtf8(bytes);
    return QJsonObject{{u"b64"_s, QString::fromLatin1(bytes.toByteArray().toBase64())}};
}

QJsonArray argvJson(const QByteArray &argv)
{
    QJsonArray array;
    for (const QByteArray &element : argvElements(argv))
        array.append(bytesJson(element));
    return array;
}

} // namespace Deck::Core
