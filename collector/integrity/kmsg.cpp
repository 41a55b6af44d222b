// SPDX-License-Identifier: GPL-3.0-or-later
#include "kmsg.h"

#include "hostfiles.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

std::optional<qint64> decimal(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Expected<KmsgRecord> parseKmsgRecord(QByteArrayView record)
{
    const qsizetype semicolon = record.indexOf(';');
    if (semicolon <= 0 || semicolon > 256)
        return Error{u"kmsg record without a 'prio,seq,ts,flags;' prefix"_s};
    const QList<QByteArray> prefix = record.first(semicolon).toByteArray().split(',');
    if (prefix.size() < 4)
        return Error{u"kmsg record prefix '%1' has fewer than 4 fields"_s.arg(itemText(record.first(semicolon)))};
    const auto prio = decimal(prefix[0]), seq = decimal(prefix[1]), ts = decimal(prefix[2]);
    if (!prio || !seq || !ts || *prio > 1023 || prefix[3].size() > 1)
        return Error{u"kmsg record prefix '%1' is not 'prio,seq,ts,flags'"_s.arg(itemText(record.first(semicolon)))};
    QByteArrayView text = record.sliced(semicolon + 1);
    const qsizetype newline = text.indexOf('\n');
    if (newline >= 0)
        text = text.first(newline);
    return KmsgRecord{*seq, int(*prio & 7), int(*prio >> 3), *ts, prefix[3] == "c", itemText(text)};
}

bool isAboutModulesOrBpf(const KmsgRecord &record)
{
    static const QRegularExpression about(
        uR"((?i)\b(e?bpf|modules?\b|module_|taint|out-of-tree|livepatch|kprobe|insmod|modprobe|signature and/or))"_s);
    return record.facility == 0 && about.match(record.text).hasMatch();
}

Format::KernelLog toKernelLog(const KmsgRecord &record)
{
    return Format::KernelLog{record.seq, record.level, record.text};
}

} // namespace Flight::Integrity
