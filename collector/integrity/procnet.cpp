// SPDX-License-Identifier: GPL-3.0-or-later
#include "procnet.h"

#include <arpa/inet.h>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

constexpr int kTcpListen = 0x0A;
constexpr int kTcpClose = 0x07;

std::optional<quint64> hex(QByteArrayView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        const int digit = c >= '0' && c <= '9' ? c - '0'
            : c >= 'A' && c <= 'F'             ? c - 'A' + 10
            : c >= 'a' && c <= 'f'             ? c - 'a' + 10
                                               : -1;
        if (digit < 0)
            return std::nullopt;
        value = value * 16 + quint64(digit);
    }
    return value;
}

// "0100007F:0035" -> 127.0.0.1, 53: each 8-digit word is one 32-bit word of the address in host byte order.
std::optional<Format::Endpoint> endpoint(QByteArrayView text, bool ipv6)
{
    const qsizetype digits = ipv6 ? 32 : 8;
    if (text.size() != digits + 5 || text[digits] != ':')
        return std::nullopt;
    unsigned char address[16] = {};
    for (qsizetype word = 0; word < digits / 8; ++word) {
        const auto value = hex(text.sliced(word * 8, 8), 8);
        if (!value)
            return std::nullopt;
        const quint32 native = quint32(*value);
        std::memcpy(address + word * 4, &native, 4);
    }
    const auto port = hex(text.sliced(digits + 1), 4);
    char buffer[INET6_ADDRSTRLEN] = {};
    if (!port || !inet_ntop(ipv6 ? AF_INET6 : AF_INET, address, buffer, sizeof buffer))
        return std::nullopt;
    return Format::Endpoint{QString::fromLatin1(buffer), qint64(*port)};
}

Expected<ProcNetSocket> parseLine(const QByteArray &line, Format::Proto proto, bool ipv6)
{
    const QList<QByteArray> f = line.simplified().split(' ');
    if (f.size() < 10 || !f[0].endsWith(':'))
        return Error{u"expected at least 10 fields"_s};
    ProcNetSocket s;
    s.proto = proto;
    const auto local = endpoint(f[1], ipv6), remote = endpoint(f[2], ipv6);
    if (!local || !remote)
        return Error{u"invalid address '%1' or '%2'"_s.arg(QString::fromLatin1(f[1].left(48)),
                                                           QString::fromLatin1(f[2].left(48)))};
    s.local = *local;
    s.remote = *remote;
    const auto state = hex(f[3], 2);
    bool uidOk = false, inodeOk = false;
    s.uid = f[7].toLongLong(&uidOk);
    s.inode = f[9].toULongLong(&inodeOk);
    if (!state || *state == 0 || *state > 12 || !uidOk || s.uid < 0 || !inodeOk)
        return Error{u"invalid state, uid or inode"_s};
    s.state = int(*state);
    return s;
}

} // namespace

Expected<QList<ProcNetSocket>> parseProcNet(QByteArrayView content, Format::Proto proto, bool ipv6)
{
    QList<ProcNetSocket> sockets;
    const QList<QByteArray> lines = content.toByteArray().split('\n');
    if (lines.size() > kMaxProcNetLines)
        return Error{u"more than %1 lines"_s.arg(kMaxProcNetLines)};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.trimmed().isEmpty())
            continue;
        if (i == 0) {
            if (!line.trimmed().startsWith("sl "))
                return Error{u"line 1: expected the 'sl local_address ...' header"_s};
            continue;
        }
        auto socket = parseLine(line, proto, ipv6);
        if (!socket)
            return Error{u"line %1: %2"_s.arg(i + 1).arg(socket.error().message)};
        sockets.append(std::move(*socket));
    }
    return sockets;
}

bool isListening(const ProcNetSocket &socket)
{
    if (socket.proto == Format::Proto::Tcp)
        return socket.state == kTcpListen;
    return socket.state == kTcpClose && socket.local.port != 0 && socket.remote.port == 0
        && (socket.remote.addr == u"0.0.0.0"_s || socket.remote.addr == u"::"_s);
}

} // namespace Flight::Integrity
