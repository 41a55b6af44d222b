// SPDX-License-Identifier: GPL-3.0-or-later
// One row of the events table as it is shown: the text of every column, built on the worker that read the row (so
// that the GUI thread only hands strings to the view), and what selecting it selects in the other views.
// Thread: any (a plain value).
#pragma once

#include "casenotes.h"
#include "eventtablequeries.h"
#include "selectionhub.h"

#include <array>

namespace Deck::Models {

enum class EventColumn { Time, Host, Process, User, Kind, Object, Detail };
inline constexpr int kEventColumns = 7;

struct EventRowView
{
    std::array<QString, kEventColumns> text;
    QString toolTip; // the object and detail in full
    Core::EventKey key;
    qint64 hostId = 0;
    std::optional<qint64> processId;
    QByteArray path; // file events: the path
    std::optional<Endpoint> endpoint; // net events with a remote end
    bool isLoss = false; // drawn apart: the recorder did not see something
    // What a bookmark or note on the row is about: the file, connection or state change event; a process event's
    // process; a host event's or a loss's host.
    std::optional<Core::ObjectRef> object;
};

// The column texts of `row`: times in UTC to the nanosecond, byte strings escaped (bytetext.h).
EventRowView eventRowView(const Core::EventTableRow &row);

} // namespace Deck::Models
