// SPDX-License-Identifier: GPL-3.0-or-later
// Remote endpoints as objects of the case, so that bookmarks and notes (casenotes.h) can name them: a remote address,
// or an address and port, interned in remote_endpoints (migration 8) the first time an analyst marks it; its row id
// is the object id of ObjectType::Endpoint. The address is kept as the events store it (net_events.raddr).
// A MarkTarget is what a view marks: a case object it already knows the id of, or an endpoint that may not be
// interned yet (resolve() interns it, on the Database's thread).
// Thread: the Database's thread. Errors: the store's, naming the endpoint.
#pragma once

#include "casenotes.h"

#include <QString>
#include <optional>

namespace Deck::Core {

struct RemoteEndpoint
{
    QString address;
    std::optional<qint64> port; // none: the address, whatever the port
    bool operator==(const RemoteEndpoint &) const = default;
};

// "192.0.2.7", "192.0.2.7:443", "[2001:db8::1]:443" (an IPv6 address in brackets when a port follows).
QString endpointText(const RemoteEndpoint &endpoint);

// The row of `endpoint`, made when it has none. An empty address is refused (Conflict).
Expected<qint64> internEndpoint(Database &db, const RemoteEndpoint &endpoint);
// The row of `endpoint` if it has one; none without making it.
Expected<std::optional<qint64>> findEndpoint(Database &db, const RemoteEndpoint &endpoint);

struct MarkTarget
{
    MarkTarget(const ObjectRef &ref) // NOLINT(google-explicit-constructor): every ObjectRef is a target
        : object(ref)
    {
    }
    MarkTarget(ObjectType type, qint64 id)
        : object{type, id}
    {
    }
    MarkTarget(const RemoteEndpoint &remote) // NOLINT(google-explicit-constructor)
        : object{ObjectType::Endpoint, 0}
        , endpoint(remote)
    {
    }

    ObjectRef object; // for an endpoint: its type, id 0 until resolved
    std::optional<RemoteEndpoint> endpoint;
    bool operator==(const MarkTarget &) const = default;
};

// The object of `target`: its ObjectRef, or its endpoint's row (interned now when it has none).
Expected<ObjectRef> resolve(Database &db, const MarkTarget &target);

} // namespace Deck::Core
