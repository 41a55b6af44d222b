// SPDX-License-Identifier: GPL-3.0-or-later
// bench_processtree [PROCESSES (1000000)] [RUNS (7)]: the process tree view's model (Models::ProcessTreeModel) on a
// SQLite case whose one host has PROCESSES processes, against the plain ProcessQueries call that answers the same
// question, measured in the same run on the same case (the comparator: what any view must at least pay).
//   - first rows: setFilter(host) until the first page of roots is in the model (a worker thread, the event loop,
//     the rows inserted) vs ProcessQueries::roots(host, page of 500) on the benchmark's own connection;
//   - expand: fetchMore() on the process with the most children until its first page is in, vs ::children();
//   - reveal: reload() and reveal() of the deepest process (ancestors, then each level's pages until the next
//     process on the way is in) vs ::ancestors(), and vs ::ancestors() plus the first page of roots and of
//     children of each process on the way (what any view that shows the way needs at least).
// The case is one host written by processtreecase.h. Prints medians and ratios; asserts nothing.
#include "casesession.h"
#include "database.h"
#include "processqueries.h"
#include "processtreecase.h"
#include "processtreemodel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Deck;

namespace {

constexpr int kPage = 500;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values[values.size() / 2];
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Runs the event loop until `done` holds, checked whenever the model changes (no polling: the figures are the
// model's, not a poll interval's); false after 60 s.
bool until(QObject *source, const std::function<bool()> &done)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    timeout.start(60000);
    const auto check = [&loop, &done] {
        if (done())
            loop.exit(0);
    };
    if (auto *model = qobject_cast<Models::ProcessTreeModel *>(source)) {
        QObject::connect(model, &Models::ProcessTreeModel::pendingChanged, &loop, check);
        QObject::connect(model, &QAbstractItemModel::rowsInserted, &loop, check);
        QObject::connect(model, &Models::ProcessTreeModel::revealed, &loop, check);
    } else if (auto *session = qobject_cast<Models::CaseSession *>(source)) {
        QObject::connect(session, &Models::CaseSession::opened, &loop, check);
    }
    return loop.exec() == 0;
}

void print(const char *what, double model, double plain)
{
    std::printf("%-44s %10.2f ms %10.2f ms %8.1fx\n", what, model, plain, model / plain);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 processes = args.value(1, u"1000000"_s).toLongLong();
    const int runs = std::max(1, args.value(2, u"7"_s).toInt());
    QTemporaryDir dir;
    const QString location = dir.filePath(u"tree.sqlite"_s);
    auto opened = Core::Database::open(location);
    if (!opened) {
        std::fprintf(stderr, "bench_processtree: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Core::Database &db = **opened;
    QElapsedTimer writing;
    writing.start();
    const auto shape = Bench::writeProcessTree(db, processes);
    if (!shape)
        return 1;
    std::printf("bench_processtree: %lld processes on one host (written in %.1f s), deepest chain %d, pages of %d, "
                "%d runs, medians\n",
                processes, msSince(writing) / 1000, shape->depth, kPage, runs);

    Models::CaseSession session;
    session.open(location);
    if (!until(&session, [&session] { return session.isOpen(); }))
        return 1;
    Models::ProcessTreeModel model(session);
    model.setPageSize(kPage);
    Core::ProcessQueries queries(db);
    QList<double> firstRows, plainRoots, expand, plainChildren, reveal, plainAncestors, plainWay;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        model.setFilter({shape->host, std::nullopt, {}, {}});
        if (!until(&model, [&model] { return model.pending() == 0 && model.processAt(model.index(0, 0)); }))
            return 1;
        firstRows << msSince(timer);
        timer.restart();
        if (!queries.roots(shape->host, {}, {kPage, std::nullopt}))
            return 1;
        plainRoots << msSince(timer);

        const QModelIndex big = model.indexOfProcess(shape->bigParent);
        timer.restart();
        model.fetchMore(big);
        if (!until(&model, [&model] { return model.pending() == 0; }))
            return 1;
        expand << msSince(timer);
        timer.restart();
        if (!queries.children(shape->bigParent, {kPage, std::nullopt}))
            return 1;
        plainChildren << msSince(timer);

        QSignalSpy revealed(&model, &Models::ProcessTreeModel::revealed);
        timer.restart();
        model.reload(); // from a cold tree: the roots are fetched again too
        model.reveal(shape->deepest);
        if (!until(&model, [&revealed] { return revealed.count() == 1; }))
            return 1;
        reveal << msSince(timer);
        timer.restart();
        auto chain = queries.ancestors(shape->deepest);
        if (!chain)
            return 1;
        plainAncestors << msSince(timer);
        // What any reveal needs at least: the ancestors, the first page of roots and of each level on the way.
        timer.restart();
        if (!queries.ancestors(shape->deepest) || !queries.roots(shape->host, {}, {kPage, std::nullopt}))
            return 1;
        for (const Core::ProcessRow &up : std::as_const(*chain)) {
            if (!queries.children(up.id, {kPage, std::nullopt}))
                return 1;
        }
        plainWay << msSince(timer);
    }
    std::printf("%-44s %13s %13s %9s\n", "", "model", "plain query", "ratio");
    print("first rows (roots, page of 500)", median(firstRows), median(plainRoots));
    print("expand the biggest parent (page of 500)", median(expand), median(plainChildren));
    print("reveal the deepest process, vs ancestors", median(reveal), median(plainAncestors));
    print("  vs ancestors + a first page per level", median(reveal), median(plainWay));
    std::printf("rows of the biggest parent: %d (first page); the model held %d top-level rows\n",
                model.rowCount(model.indexOfProcess(shape->bigParent)), model.rowCount());
    return 0;
}
