// SPDX-License-Identifier: GPL-3.0-or-later
// Grows a GraphDocument from a seed by expansions, off the GUI thread. A GraphSource answers one expansion of one
// node (the neighbours from `offset`, at most `limit` rows) on the worker; the controller runs every expansion and
// the layout there and hands the finished document to the GUI thread (changed()). It keeps the seed and the
// expansions made, so that another time range (setRange(): the hub's range, a time slider) replays them: a node that
// does not exist in the new range is not expanded. Results of a superseded request are dropped (generation number).
// Thread: the GUI thread; the worker is not owned and must outlive the requests (setWorker(nullptr) drops them).
#pragma once

#include "caseworker.h"
#include "graphdocument.h"
#include "querytypes.h"

#include <QFutureWatcher>
#include <functional>

namespace Deck::Models {

using GraphSource = std::function<Core::Expected<GraphPiece>(Core::Database &, const GraphNode &node,
                                                             const Core::TimeRange &range, int limit, int offset)>;

class GraphController : public QObject
{
    Q_OBJECT
public:
    // `nodesPerRow`: at most how many new nodes one row of the source adds (an expansion asks for
    // kPerExpansion / nodesPerRow rows, fewer when the graph is nearly full).
    GraphController(GraphSource source, int nodesPerRow, QObject *parent = nullptr);
    ~GraphController() override;

    void setWorker(CaseWorker *worker);
    const GraphDocument &document() const { return m_document; }
    const Core::TimeRange &range() const { return m_range; }
    bool isBusy() const { return m_busy; }

    // Starts over from `seed` (key, kind and id/path/address set; the source fills in the rest).
    void start(const GraphNode &seed);
    // One more step from the node `key`; a More node continues the expansion it stands for.
    void expand(const QString &key);
    void setRange(const Core::TimeRange &range);
    void clear();

Q_SIGNALS:
    void changed();
    void busyChanged(bool busy);
    void failed(const QString &message);

private:
    struct Step
    {
        GraphNode node;
        int offset = 0;
    };
    using Result = Core::Expected<GraphDocument>;

    void run(const GraphDocument &base, const QList<Step> &steps);
    void setBusy(bool busy);

    GraphSource m_source;
    int m_nodesPerRow = 1;
    CaseWorker *m_worker = nullptr;
    GraphDocument m_document;
    QList<Step> m_steps;
    Core::TimeRange m_range;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace Deck::Models
