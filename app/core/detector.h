// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluates detection rules (detectionrule.h) over a case and raises one alert per rule and object through
// raiseAlert() (alertwriter.h), with its evidence: the process of a process event; the file or network event and
// its process; the integrity change. Raising again adds nothing, so a rule set can be run any number of times.
// Each rule's `match` becomes one SQL query per event table (displayfiltersql.h) bounded by the scope; `unless` and
// `first per` are checked per matching event against the whole case on the same host.
// Thread: the Database's thread. run() uses the caller's transaction when there is one (the importer's); progress
// is called before each rule and cancels the run when it returns false (Reason::Cancelled; alerts raised so far
// stay in the caller's transaction, which the caller rolls back or commits).
#pragma once

#include "detectionrule.h"
#include "querytypes.h"

#include <functional>
#include <optional>

namespace Deck::Core {

class Database;

struct DetectionScope
{
    std::optional<qint64> hostId;
    TimeRange range;
    std::optional<qint64> archiveId; // only this archive's events (at import)
};

struct DetectionHit
{
    QString rule;
    qint64 alertId = 0;
    qint64 hostId = 0;
    qint64 ts = 0;
    QString detail;
};

struct DetectionSummary
{
    int rules = 0;
    qint64 matched = 0; // matching events (after unless and first per), alerts raised before included
    QList<DetectionHit> raised; // alerts raised by this run, in rule order
};

class Detector
{
public:
    Detector(Database &db, QList<DetectionRule> rules);

    // (index of the rule about to run, count, its name): false cancels.
    using Progress = std::function<bool(int, int, const QString &)>;

    Expected<DetectionSummary> run(const DetectionScope &scope, const Progress &progress = {});

private:
    struct Match;
    Expected<QList<Match>> matches(const DetectionRule &rule, int branch, const DetectionScope &scope);
    Expected<bool> suppressed(const DetectionRule &rule, const Match &match);
    Expected<bool> seenBefore(const DetectionRule &rule, int branch, const Match &match);

    Database &m_db;
    QList<DetectionRule> m_rules;
};

} // namespace Deck::Core
