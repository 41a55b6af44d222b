// SPDX-License-Identifier: GPL-3.0-or-later
// bench_events [--events N (10000000)] [--hosts 4] [--case FILE | --postgres] [--steps 200]: the events table of
// flightdeck on a big case (issue 8; DESIGN.md: "open a 10M-event case to first painted rows <= 1 s; scroll/jump p95 <=
// 16 ms"). The case is built once (ImportWorkload's archives through the real importer) into FILE and reused when FILE
// exists (FILE may be a postgresql:// URL of a case built before); with --postgres, into a PostgreSQL cluster started
// in a temporary directory (built every run). Then, in a
// real Events page (QTableView) under the offscreen platform:
//   - open: from CaseSession::open() to the first paint of the view with real rows (not placeholders);
//   - the walk: until every row is counted (the scroll bar's full extent);
//   - STEPS page-down scrolls and STEPS jumps to random rows: from the scroll bar's move to the first paint in
//     which every visible row is real (the page read on the worker included), and to the first paint at all;
//     and the CPU time of the step: the whole process's, and the GUI thread's in the view's paint events;
// against the comparator measured in the same run: the same page query (EventTableQueries::rows of 256 rows from
// the same anchors) run directly on a connection of the benchmark's thread, planned as the page's are. Prints
// medians, p95 and the ratios; asserts nothing about time.
#include "benchsupport.h"
#include "eventspage.h"
#include "importer.h"
#include "pgcluster.h"
#include "workloadarchives.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Deck;

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))];
}

QString buildCase(const QString &file, qint64 events, int hosts)
{
    QTemporaryDir work;
    Bench::WorkloadArchives archives;
    archives.dir = work.filePath(u"archives"_s);
    QDir().mkpath(archives.dir);
    QElapsedTimer timer;
    timer.start();
    if (!Bench::writeWorkloadArchives(archives, hosts, events / hosts, 50000))
        return u"cannot write the archives into %1"_s.arg(archives.dir);
    std::printf("archives: %lld events on %d hosts written in %.1f s\n", static_cast<long long>(archives.events), hosts,
                double(timer.restart()) / 1000);
    std::fflush(stdout);
    auto db = Core::Database::open(file);
    if (!db)
        return db.error().message;
    if (QString error = Bench::trustWorkloadKeys(**db, archives); !error.isEmpty())
        return error;
    for (const auto &outcome : Core::Importer(**db).importPaths({archives.dir})) {
        if (outcome.status != Core::ImportStatus::Imported)
            return outcome.message;
    }
    std::printf("case: %s imported in %.1f s\n", qPrintable(file), double(timer.elapsed()) / 1000);
    return {};
}

// Counts the paints of a viewport, and those in which every visible row of the view was real.
class PaintWatch : public QObject
{
public:
    PaintWatch(QTableView *view, Models::EventTableModel &model)
        : m_view(view)
        , m_model(model)
    {
        view->viewport()->installEventFilter(this);
    }
    int paints = 0;
    int realPaints = 0;
    double paintCpuMs = 0; // the GUI thread's CPU time in the view's paint events (the model's data() included)

    bool visibleRowsReal() const
    {
        if (m_model.rowCount() == 0)
            return false;
        const int top = std::max(0, m_view->rowAt(0));
        int bottom = m_view->rowAt(m_view->viewport()->height() - 1);
        if (bottom < 0)
            bottom = m_model.rowCount() - 1;
        for (int row = top; row <= bottom; ++row) {
            if (!m_model.loadedRow(row))
                return false;
        }
        return true;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_painting)
            return QObject::eventFilter(watched, event);
        // Whether the rows were real is asked after the paint: the model may read a missing page while it paints.
        ++paints;
        m_painting = true;
        const double cpuBefore = Flight::BenchSupport::clockSeconds(CLOCK_THREAD_CPUTIME_ID);
        QCoreApplication::sendEvent(watched, event); // the view paints (this filter lets it through)
        paintCpuMs += (Flight::BenchSupport::clockSeconds(CLOCK_THREAD_CPUTIME_ID) - cpuBefore) * 1000;
        m_painting = false;
        if (visibleRowsReal())
            ++realPaints;
        return true;
    }

private:
    QTableView *m_view;
    Models::EventTableModel &m_model;
    bool m_painting = false;
};

double cpuMs(clockid_t clock)
{
    return Flight::BenchSupport::clockSeconds(clock) * 1000;
}

// Runs the event loop until `done` (checked after each batch of events) or `timeoutMs`; the elapsed ms, or -1. The
// loop sleeps while there is nothing to do (a timer wakes it to check the time-out), so that it takes no CPU from
// the worker threads and the CPU time measured is the work of the view, the model and the queries.
double runUntil(const std::function<bool()> &done, double timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(20);
    while (!done()) {
        if (double(timer.nsecsElapsed()) / 1e6 > timeoutMs)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Events table: first rows and scroll/jump latency on a big case"_s);
    parser.addHelpOption();
    const QCommandLineOption eventsOption(u"events"_s, u"Events in the case built (10000000)."_s, u"N"_s,
                                          u"10000000"_s);
    const QCommandLineOption hostsOption(u"hosts"_s, u"Hosts in the case built (4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption caseOption(u"case"_s, u"The case file: reused when it exists, else built."_s, u"FILE"_s);
    const QCommandLineOption stepsOption(u"steps"_s, u"Scroll steps and jumps, each (200)."_s, u"N"_s, u"200"_s);
    const QCommandLineOption postgresOption(
        u"postgres"_s, u"Build the case in a PostgreSQL cluster started in a temporary directory."_s);
    parser.addOptions({eventsOption, hostsOption, caseOption, stepsOption, postgresOption});
    parser.process(app);
    QTemporaryDir work;
    TestSupport::PgCluster pg;
    QString file = parser.isSet(caseOption) ? parser.value(caseOption) : work.filePath(u"events.case"_s);
    if (parser.isSet(postgresOption)) {
        QString error = pg.start();
        if (error.isEmpty())
            file = pg.createDatabase(u"bench"_s, &error);
        if (file.isEmpty() || !error.isEmpty()) {
            std::fprintf(stderr, "bench_events: PostgreSQL: %s\n", qPrintable(error));
            return 1;
        }
    }
    // A PostgreSQL URL given as the case is reused as it is (built by an earlier run whose cluster still runs).
    const bool given = file.startsWith(u"postgresql:"_s) || QFileInfo::exists(file);
    if (parser.isSet(postgresOption) || !given) {
        if (QString error
            = buildCase(file, parser.value(eventsOption).toLongLong(), std::max(1, parser.value(hostsOption).toInt()));
            !error.isEmpty()) {
            std::fprintf(stderr, "bench_events: %s\n", qPrintable(error));
            return 1;
        }
    }
    auto direct = Core::Database::open(file);
    if (!direct) {
        std::fprintf(stderr, "bench_events: %s\n", qPrintable(direct.error().message));
        return 1;
    }
    // The comparator plans as the page's own connections do (generic plans on PostgreSQL).
    if (auto generic = (*direct)->preferGenericPlans(); !generic) {
        std::fprintf(stderr, "bench_events: %s\n", qPrintable(generic.error().message));
        return 1;
    }
    const int steps = std::max(1, parser.value(stepsOption).toInt());
    std::printf("load average at the start: %s\n", Flight::BenchSupport::loadAverage().constData());

    Models::CaseSession session;
    Gui::EventsPage page(session);
    page.resize(1400, 900);
    page.show();
    QTableView *view = page.view();
    auto &model = page.model();
    PaintWatch watch(view, model);
    runUntil([] { return false; }, 200); // the first paints of the empty page

    QElapsedTimer opening;
    opening.start();
    session.open(file);
    const double firstRows = runUntil([&] { return watch.realPaints > 0; });
    const double estimated = runUntil([&] { return model.isComplete() || model.estimatedRows() > 0; });
    const qint64 firstEstimate = model.estimatedRows();
    const double counted = runUntil([&] { return model.isComplete(); }, 600000);
    const double walkMs = double(opening.nsecsElapsed()) / 1e6;
    if (firstRows < 0 || counted < 0) {
        std::fprintf(stderr, "bench_events: the first rows or the count did not arrive\n");
        return 1;
    }
    const int rows = model.rowCount();
    std::printf("case: %s, %d events (%s)\n", qPrintable(file), rows, qPrintable(page.statusText()));
    std::printf("open to first painted rows: %.1f ms (budget <= 1000 ms)\n", firstRows);
    std::printf("estimate shown: %.1f ms after the first rows, %lld rows (%.1f %% of the count)\n", estimated,
                static_cast<long long>(firstEstimate), 100.0 * double(firstEstimate) / std::max(1, rows));
    std::printf("every row counted (the walk, in the background): %.1f s\n", walkMs / 1000);

    QScrollBar *bar = view->verticalScrollBar();
    QRandomGenerator random(8);
    struct Kind
    {
        const char *name = nullptr;
        QList<double> real, first, direct, cpu, paintCpu, directCpu, freshCpu, oldPageCpu;
    };
    Kind scrolls, jumps;
    scrolls.name = "page-down scroll";
    jumps.name = "jump to a random row";
    for (int i = 0; i < 2 * steps; ++i) {
        Kind &kind = i % 2 ? jumps : scrolls;
        const int target = &kind == &jumps ? int(random.bounded(std::max(1, bar->maximum())))
                                           : std::min(bar->maximum(), bar->value() + bar->pageStep());
        if (target == bar->value())
            continue;
        const int paints = watch.paints, realPaints = watch.realPaints;
        const double paintCpuBefore = watch.paintCpuMs;
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        bar->setValue(target);
        const double first = runUntil([&] { return watch.paints > paints; }, 10000);
        const double real = runUntil([&] { return watch.realPaints > realPaints; }, 10000);
        if (first < 0 || real < 0) {
            std::fprintf(stderr, "bench_events: step %d to row %d never painted\n", i, target);
            return 1;
        }
        kind.first << first;
        kind.real << double(timer.nsecsElapsed()) / 1e6;
        kind.cpu << cpuMs(CLOCK_PROCESS_CPUTIME_ID) - cpuBefore;
        kind.paintCpu << watch.paintCpuMs - paintCpuBefore;
        // The comparator: the same page query, run here directly (on a kept statement, as the model does); and,
        // CPU time only, prepared afresh, and afresh for a page of 256 rows (what the model read before).
        const Models::EventRowView *top = model.loadedRow(std::max(0, view->rowAt(0)));
        using Statement = Core::EventTableQueries::Statement;
        const auto readDirect = [&](Statement statement, int limit, QList<double> *wall, QList<double> &cpu) {
            QElapsedTimer query;
            query.start();
            const double queryCpu = cpuMs(CLOCK_THREAD_CPUTIME_ID);
            auto rowsRead = Core::EventTableQueries(**direct).rows({}, top->key, limit, statement);
            if (!rowsRead) {
                std::fprintf(stderr, "bench_events: %s\n", qPrintable(rowsRead.error().message));
                return false;
            }
            if (wall)
                *wall << double(query.nsecsElapsed()) / 1e6;
            cpu << cpuMs(CLOCK_THREAD_CPUTIME_ID) - queryCpu;
            return true;
        };
        if (!readDirect(Statement::Kept, Models::EventTableModel::kPageRows, &kind.direct, kind.directCpu)
            || !readDirect(Statement::Fresh, Models::EventTableModel::kPageRows, nullptr, kind.freshCpu)
            || !readDirect(Statement::Fresh, 256, nullptr, kind.oldPageCpu))
            return 1;
    }
    std::printf("\n%-22s %6s %12s %12s %14s %14s %10s  %s\n", "step", "n", "paint p50", "paint p95", "rows real p50",
                "rows real p95", "x direct", "direct page query p50/p95");
    for (const Kind *kind : {&scrolls, &jumps}) {
        const double directP95 = percentile(kind->direct, 0.95);
        std::printf("%-22s %6lld %9.2f ms %9.2f ms %11.2f ms %11.2f ms %9.2fx  %.2f / %.2f ms\n", kind->name,
                    static_cast<long long>(kind->real.size()), percentile(kind->first, 0.5),
                    percentile(kind->first, 0.95), percentile(kind->real, 0.5), percentile(kind->real, 0.95),
                    percentile(kind->real, 0.95) / directP95, percentile(kind->direct, 0.5), directP95);
    }
    std::printf("budget: p95 <= 16 ms per step; \"x direct\" = rows-real p95 / direct page query p95\n");
    std::printf(
        "\nCPU time (not wall: what a loaded machine does not inflate): the whole process's over the step, the GUI "
        "thread's in the view's paint events (the model's data() included); direct page query of %d rows on a "
        "kept statement, prepared afresh, and afresh for 256 rows\n%-22s %14s %14s %14s %14s %16s %16s %16s "
        "%16s\n",
        Models::EventTableModel::kPageRows, "step", "step CPU p50", "step CPU p95", "paint CPU p50", "paint CPU p95",
        "direct CPU p50", "direct CPU p95", "afresh CPU p50", "afresh 256 p50");
    for (const Kind *kind : {&scrolls, &jumps})
        std::printf("%-22s %11.2f ms %11.2f ms %11.2f ms %11.2f ms %13.2f ms %13.2f ms %13.2f ms %13.2f ms\n",
                    kind->name, percentile(kind->cpu, 0.5), percentile(kind->cpu, 0.95),
                    percentile(kind->paintCpu, 0.5), percentile(kind->paintCpu, 0.95), percentile(kind->directCpu, 0.5),
                    percentile(kind->directCpu, 0.95), percentile(kind->freshCpu, 0.5),
                    percentile(kind->oldPageCpu, 0.5));
    // Cancelling the count: a new scope (a time range chosen elsewhere) while the whole case is being counted again;
    // from the change to the first paint with the new scope's rows (the old walk's slice in flight is waited for).
    QList<double> cancels;
    for (int i = 0; i < 5; ++i) {
        const Models::EventRowView *top = model.loadedRow(std::max(0, view->rowAt(0)));
        const qint64 at = top->key.ts;
        session.selection().setTimeRange({qint64(i), std::nullopt}); // every event: a long count
        runUntil([&] { return model.rowCount() > 0 && watch.realPaints > 0; });
        runUntil([] { return false; }, 1000);
        if (model.isComplete()) {
            std::fprintf(stderr, "bench_events: the count ended within a second; nothing to cancel\n");
            break;
        }
        const int realPaints = watch.realPaints;
        QElapsedTimer timer;
        timer.start();
        session.selection().setTimeRange({at, at + 60'000'000'000});
        if (runUntil([&] { return model.rowCount() > 0 && watch.realPaints > realPaints; }, 30000) < 0) {
            std::fprintf(stderr, "bench_events: the new scope's rows never painted\n");
            return 1;
        }
        cancels << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("\nnew scope while counting, to its first painted rows: p50 %.1f ms, max %.1f ms (%lld times)\n",
                percentile(cancels, 0.5), percentile(cancels, 1.0), static_cast<long long>(cancels.size()));
    std::printf("load average at the end: %s\n", Flight::BenchSupport::loadAverage().constData());
    return 0;
}
