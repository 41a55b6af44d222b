// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphcontroller.h"

namespace Deck::Models {

GraphController::GraphController(GraphSource source, int nodesPerRow, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_nodesPerRow(std::max(1, nodesPerRow))
{
}

GraphController::~GraphController() = default;

void GraphController::setWorker(CaseWorker *worker)
{
    m_worker = worker;
    clear();
}

void GraphController::clear()
{
    ++m_generation;
    m_steps.clear();
    m_document = {};
    setBusy(false);
    Q_EMIT changed();
}

void GraphController::start(const GraphNode &seed)
{
    m_steps = {Step{seed, 0}};
    run({}, m_steps);
}

void GraphController::expand(const QString &key)
{
    const GraphNode *node = m_document.node(key);
    if (!node)
        return;
    Step step{*node, 0};
    if (node->kind == NodeKind::More) {
        // It continues a node of the graph, or the seed when the seed is no node (an overview).
        const GraphNode *of = m_document.node(key.mid(2));
        if (!of && !m_steps.isEmpty() && m_steps.first().node.key == key.mid(2))
            of = &m_steps.first().node;
        if (!of)
            return;
        step = Step{*of, node->continueAt};
    } else if (node->expanded) {
        return; // its neighbours are in the graph already
    }
    m_steps.append(step);
    // While another request runs, the document is about to change: replay everything instead.
    if (m_busy)
        run({}, m_steps);
    else
        run(m_document, {step});
}

void GraphController::setRange(const Core::TimeRange &range)
{
    if (range.from == m_range.from && range.to == m_range.to)
        return;
    m_range = range;
    if (!m_steps.isEmpty())
        run({}, m_steps);
}

void GraphController::run(const GraphDocument &base, const QList<Step> &steps)
{
    if (!m_worker)
        return;
    const quint64 generation = ++m_generation;
    setBusy(true);
    auto future = m_worker->run([source = m_source, perRow = m_nodesPerRow, document = base, steps,
                                 range = m_range](Core::Database &db) mutable -> Result {
        for (const Step &step : steps) {
            // A replayed expansion of a node that this range does not hold is skipped.
            if (!document.isEmpty() && !document.node(step.node.key) && step.node.key != steps.first().node.key)
                continue;
            const int room = (document.capacity() - 1) / perRow;
            if (room <= 0) {
                document.setFull();
                continue;
            }
            auto piece
                = source(db, step.node, range, std::min(GraphDocument::kPerExpansion / perRow, room), step.offset);
            if (!piece)
                return piece.error();
            document.merge(*piece);
        }
        document.layout();
        return document;
    });
    // One watcher per request, so that a superseded one finishes unseen; it is deleted with the controller.
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        const Result result = watcher->result();
        setBusy(false);
        if (!result) {
            Q_EMIT failed(result.error().message);
            return;
        }
        m_document = *result;
        Q_EMIT changed();
    });
    watcher->setFuture(future);
}

void GraphController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Deck::Models
