// SPDX-License-Identifier: GPL-3.0-or-later
#include "event.h"

#include <algorithm>
#include <array>
#include <type_traits>

namespace Flight::Format {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<const char *, N> &names, QByteArrayView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == names[i])
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

constexpr std::array<const char *, 6> kFileOps{"open", "exec", "write", "create", "delete", "rename"};
constexpr std::array<const char *, 7> kNetOps{"connect", "accept", "listen", "bind", "send", "close", "exists"};
constexpr std::array<const char *, 2> kProtos{"tcp", "udp"};
constexpr std::array<const char *, 3> kSeverities{"low", "medium", "high"};
constexpr std::array<const char *, 2> kLossUnits{"events", "archives"};
constexpr std::array<const char *, 8> kChecks{"packages", "packagefiles", "modules",  "bpf",
                                              "files",    "logins",       "accounts", "listeners"};

template <std::size_t... I> QList<QByteArray> kindNames(std::index_sequence<I...>)
{
    return {QByteArray(std::variant_alternative_t<I, EventBody>::kKind)...};
}

} // namespace

const char *kindName(const Event &event)
{
    return std::visit([](const auto &body) { return std::remove_cvref_t<decltype(body)>::kKind; }, event.body);
}

QList<QByteArray> allKindNames()
{
    return kindNames(std::make_index_sequence<std::variant_size_v<EventBody>>{});
}

bool isKnownCheck(QStringView check)
{
    for (const char *name : kChecks) {
        if (check == QLatin1StringView(name))
            return true;
    }
    return false;
}

bool isStdioText(QStringView text)
{
    const auto words = text.split(u' ');
    return words.size() == 3 && std::all_of(words.begin(), words.end(), [](QStringView word) {
               return std::any_of(std::begin(kStdioKinds), std::end(kStdioKinds),
                                  [word](const char *kind) { return word == QLatin1StringView(kind); });
           });
}

const char *fileOpName(FileOp op)
{
    return kFileOps[static_cast<std::size_t>(op)];
}
std::optional<FileOp> fileOpFromName(QByteArrayView name)
{
    return lookup<FileOp>(kFileOps, name);
}
const char *netOpName(NetOp op)
{
    return kNetOps[static_cast<std::size_t>(op)];
}
std::optional<NetOp> netOpFromName(QByteArrayView name)
{
    return lookup<NetOp>(kNetOps, name);
}
const char *protoName(Proto proto)
{
    return kProtos[static_cast<std::size_t>(proto)];
}
std::optional<Proto> protoFromName(QByteArrayView name)
{
    return lookup<Proto>(kProtos, name);
}
const char *severityName(Severity severity)
{
    return kSeverities[static_cast<std::size_t>(severity)];
}
std::optional<Severity> severityFromName(QByteArrayView name)
{
    return lookup<Severity>(kSeverities, name);
}
const char *lossUnitName(LossUnit unit)
{
    return kLossUnits[static_cast<std::size_t>(unit)];
}
std::optional<LossUnit> lossUnitFromName(QByteArrayView name)
{
    return lookup<LossUnit>(kLossUnits, name);
}

} // namespace Flight::Format
