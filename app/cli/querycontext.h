// SPDX-License-Identifier: GPL-3.0-or-later
// What the subcommands of flightdeck-cli query share (internal to the CLI): the parsed command line and the open
// case, reading the common options, and printing processes, trees and the cursor of the next page.
#pragma once

#include "clicommon.h"
#include "processqueries.h"
#include "queryprint.h"

namespace Deck::Cli {

struct QueryContext
{
    QString command; // "query who-touched", for messages
    GlobalOptions global;
    QCommandLineParser &parser;
    QStringList options; // the subcommand's options: only those can be set
    Core::Database &db;
    HostNames hosts;

    bool isSet(const QString &name) const { return options.contains(name) && parser.isSet(name); }
    QString value(const QString &name) const { return parser.value(name); }
    QString positional(int i) const { return parser.positionalArguments().value(i); }
    int fail(const Core::Error &error) const;
};

// --from/--to into `range`, --limit/--after into `page`, --depth into `depth`: false when one is wrong (the error
// printed).
bool readRange(const QueryContext &c, Core::TimeRange &range);
bool readPage(const QueryContext &c, Core::PageRequest &page, int defaultLimit = 1000);
bool readDepth(const QueryContext &c, int &depth);
// --host when given (else `host` stays empty).
bool readHost(const QueryContext &c, std::optional<qint64> &host);
// The "... more: --after CURSOR" line (or {"next": CURSOR}) when a page has a successor.
void printNext(const QueryContext &c, const std::optional<Core::Cursor> &next);
// One process, indented by `depth` (none when negative).
void printProcess(const QueryContext &c, const Core::ProcessRow &row, int depth = -1);
int printTree(const QueryContext &c, const Core::Expected<Core::Descendants> &tree);

int queryDid(QueryContext &c);
int queryWhoTouched(QueryContext &c);
int queryWhoConnected(QueryContext &c);
int queryAt(QueryContext &c);
int querySearch(QueryContext &c);
int queryTimeline(QueryContext &c);
int queryLosses(QueryContext &c);
int queryReplay(QueryContext &c); // queryreplaycommand.cpp
// Cross-host stitching (stitchcommands.cpp).
int queryLinks(QueryContext &c);
int queryClocks(QueryContext &c);
int queryFollow(QueryContext &c);

} // namespace Deck::Cli
