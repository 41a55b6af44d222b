// SPDX-License-Identifier: GPL-3.0-or-later
#include "bpfsupport.h"

#include <QFile>
#include <bpf/libbpf.h>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEbpf, "flightrec.capture.ebpf", QtInfoMsg)

namespace Flight::Capture {

namespace {

constexpr auto kVmlinuxBtf = "/sys/kernel/btf/vmlinux";

int libbpfPrint(libbpf_print_level, const char *format, va_list args)
{
    if (!lcEbpf().isDebugEnabled())
        return 0;
    char line[2048];
    const int n = std::vsnprintf(line, sizeof(line), format, args);
    qCDebug(lcEbpf, "%s", QByteArray(line).trimmed().constData());
    return n;
}

} // namespace

void installLibbpfLogging()
{
    static std::once_flag once;
    std::call_once(once, [] { libbpf_set_print(libbpfPrint); });
}

QString bpfErrorText(int error)
{
    QString text = QString::fromLocal8Bit(std::strerror(error < 0 ? -error : error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

Expected<void> checkBpfPrerequisites(const QString &what, qint64 ringBytes)
{
    const qint64 page = ::sysconf(_SC_PAGESIZE);
    if (ringBytes < page || ringBytes % page != 0 || (ringBytes & (ringBytes - 1)) != 0 || ringBytes > (1LL << 30))
        return Error{
            u"bpf: %1: ring buffer size %2 is not a power of two between the page size and 1 GiB"_s.arg(what).arg(
                ringBytes)};
    if (!QFile::exists(QString::fromLatin1(kVmlinuxBtf)))
        return Error{u"BTF not available: %1 is missing (kernel built without CONFIG_DEBUG_INFO_BTF)"_s.arg(
            QString::fromLatin1(kVmlinuxBtf))};
    return {};
}

} // namespace Flight::Capture
