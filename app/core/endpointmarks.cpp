// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointmarks.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {
constexpr qint64 kAnyPort = -1; // remote_endpoints.port for "the address, whatever the port"

qint64 storedPort(const RemoteEndpoint &endpoint)
{
    return endpoint.port.value_or(kAnyPort);
}
} // namespace

QString endpointText(const RemoteEndpoint &endpoint)
{
    if (!endpoint.port)
        return endpoint.address;
    const bool v6 = endpoint.address.contains(u':');
    return (v6 ? u"[%1]:%2"_s : u"%1:%2"_s).arg(endpoint.address).arg(*endpoint.port);
}

Expected<std::optional<qint64>> findEndpoint(Database &db, const RemoteEndpoint &endpoint)
{
    auto rows = db.query(u"SELECT id FROM remote_endpoints WHERE address = ? AND port = ?"_s,
                         {endpoint.address, storedPort(endpoint)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->value(0).toLongLong());
}

Expected<qint64> internEndpoint(Database &db, const RemoteEndpoint &endpoint)
{
    if (endpoint.address.isEmpty())
        return storeError(StoreReason::Conflict, u"An endpoint without an address cannot be marked"_s);
    if (endpoint.port && (*endpoint.port < 0 || *endpoint.port > 65535)) {
        return storeError(StoreReason::Conflict,
                          u"Endpoint %1: port %2 is not a port"_s.arg(endpoint.address).arg(*endpoint.port));
    }
    auto inserted = db.execute(u"INSERT INTO remote_endpoints (address, port) VALUES (?, ?) "
                               u"ON CONFLICT (address, port) DO NOTHING"_s,
                               {endpoint.address, storedPort(endpoint)});
    if (!inserted)
        return inserted.error();
    auto found = findEndpoint(db, endpoint);
    if (!found)
        return found.error();
    if (!*found)
        return storeError(StoreReason::NotFound, u"Endpoint %1 could not be stored"_s.arg(endpointText(endpoint)));
    return **found;
}

Expected<ObjectRef> resolve(Database &db, const MarkTarget &target)
{
    if (!target.endpoint)
        return target.object;
    auto id = internEndpoint(db, *target.endpoint);
    if (!id)
        return id.error();
    return ObjectRef{ObjectType::Endpoint, *id};
}

} // namespace Deck::Core
