// SPDX-License-Identifier: GPL-3.0-or-later
// One row of ProcessTreeModel: a host, a process or the "Loading..." placeholder, with the children fetched so far
// and where the next page starts. Owned by its parent node; the invisible root owns the top level.
// Thread: the GUI thread.
#pragma once

#include "querytypes.h"

#include <memory>
#include <vector>

namespace Deck::Models {

struct ProcessTreeNode
{
    enum class Kind { Root, Host, Process, Placeholder };
    enum class Fetch { NotFetched, Fetching, Partial, Done };

    Kind kind = Kind::Root;
    Core::ProcessRow process; // Kind::Process
    qint64 hostId = 0; // Kind::Host and Kind::Process
    QString hostname; // Kind::Host
    bool context = false; // outside the user or time filter, shown as the way to its children
    ProcessTreeNode *parent = nullptr;
    int row = 0; // in parent->children
    std::vector<std::unique_ptr<ProcessTreeNode>> children; // a placeholder last while Fetching
    Fetch fetch = Fetch::NotFetched;
    std::optional<Core::Cursor> next; // where the next page starts (Partial)

    bool mayHaveChildren() const
    {
        return kind == Kind::Root || kind == Kind::Host || (kind == Kind::Process && process.hasChildren);
    }
    ProcessTreeNode *childProcess(qint64 id) const
    {
        for (const auto &child : children) {
            if (child->kind == Kind::Process && child->process.id == id)
                return child.get();
        }
        return nullptr;
    }
    ProcessTreeNode *childHost(qint64 id) const
    {
        for (const auto &child : children) {
            if (child->kind == Kind::Host && child->hostId == id)
                return child.get();
        }
        return nullptr;
    }
};

} // namespace Deck::Models
