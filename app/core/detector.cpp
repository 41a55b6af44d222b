// SPDX-License-Identifier: GPL-3.0-or-later
#include "detector.h"

#include "alertwriter.h"
#include "archiveerror.h"
#include "bytetext.h"
#include "database.h"
#include "displayfiltersql.h"
#include "querysql.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// The event tables a rule can point at: those with an evidence object type (host events and losses have none).
constexpr int kRuleBranches[] = {ProcessBranch, FileBranch, NetBranch, StateBranch};

// The columns after id, host_id, ts and process_id that describe a match in one line (detailOf()).
QString detailColumns(int branch)
{
    switch (branch) {
    case ProcessBranch:
        return u"x.kind, p.pid, p.comm, p.exe, p.argv"_s;
    case FileBranch:
        return u"x.op, p.pid, p.comm, pa.path, p.exe, (SELECT tp.path FROM paths tp WHERE tp.id = x.to_path_id)"_s;
    case NetBranch:
        return u"x.op, p.pid, p.comm, x.proto, x.laddr, x.lport, x.raddr, x.rport"_s;
    default:
        return u"x.kind, x.check_name, x.severity, x.items"_s;
    }
}

QString detailOf(int branch, const QSqlQuery &q, int first)
{
    const auto text = [&](int i) { return q.value(first + i).toString(); };
    const auto bytes = [&](int i) { return displayBytes(q.value(first + i).toByteArray()); };
    const QString who = q.value(first + 1).isNull() ? u"an unknown process"_s : u"%1 (pid %2)"_s.arg(text(2), text(1));
    switch (branch) {
    case ProcessBranch:
        return u"%1: %2 %3: %4"_s.arg(text(0), who, bytes(3), displayArgv(q.value(first + 4).toByteArray()));
    case FileBranch: {
        const QString to = q.value(first + 5).isNull() ? QString() : u" -> "_s + bytes(5);
        return u"%1 %2 %3%4 (%5)"_s.arg(who, text(0), bytes(3), to, bytes(4));
    }
    case NetBranch: {
        const QString remote = q.value(first + 6).isNull() ? QString() : u" to %1:%2"_s.arg(text(6), text(7));
        return u"%1 %2 %3 %4:%5%6"_s.arg(who, text(0), text(3), text(4), text(5), remote);
    }
    default:
        return u"%1 of %2 (%3): %4 items"_s.arg(text(0), text(1), text(2), text(3));
    }
}

QList<ObjectRef> evidenceOf(int branch, qint64 id, const QVariant &processId)
{
    QList<ObjectRef> evidence;
    if (branch == FileBranch)
        evidence << ObjectRef{ObjectType::FileEvent, id};
    else if (branch == NetBranch)
        evidence << ObjectRef{ObjectType::NetEvent, id};
    else if (branch == StateBranch)
        evidence << ObjectRef{ObjectType::StateChange, id};
    if (!processId.isNull())
        evidence << ObjectRef{ObjectType::Process, processId.toLongLong()};
    return evidence;
}

} // namespace

struct Detector::Match
{
    int branch = 0;
    qint64 id = 0;
    qint64 hostId = 0;
    qint64 ts = 0;
    QVariant processId;
    QVariantList firstValues; // the values of the rule's `first per` fields
    QString detail;
};

Detector::Detector(Database &db, QList<DetectionRule> rules)
    : m_db(db)
    , m_rules(std::move(rules))
{
}

Expected<QList<Detector::Match>> Detector::matches(const DetectionRule &rule, int branch, const DetectionScope &scope)
{
    const BranchCondition condition = compileDisplayFilter(rule.match, m_db.engine()).at(branch);
    if (condition.state == BranchCondition::State::Never)
        return QList<Match>();
    QStringList firstColumns;
    for (const QString &field : rule.firstPer) {
        const QString column = filterFieldColumn(field, branch, m_db.engine());
        firstColumns << (column.isEmpty() ? u"NULL"_s : column);
    }
    const bool process = branch != StateBranch;
    QVariantList params = condition.params;
    QString sql = u"SELECT x.id, x.host_id, x.ts, %1, %2%3 FROM %4 WHERE %5"_s.arg(
        process ? u"x.process_id"_s : u"NULL"_s, detailColumns(branch),
        firstColumns.isEmpty() ? QString() : u", "_s + firstColumns.join(u", "_s),
        eventBranchFrom(branch, process, branch == FileBranch),
        condition.state == BranchCondition::State::Sql ? condition.sql : u"1 = 1"_s);
    if (scope.hostId) {
        sql += u" AND x.host_id = ?"_s;
        params << *scope.hostId;
    }
    sql += inRange(u"x.ts"_s, scope.range, params);
    if (scope.archiveId) {
        sql += u" AND x.archive_id = ?"_s;
        params << *scope.archiveId;
    }
    sql += u" ORDER BY x.ts, x.id"_s;
    auto q = m_db.query(sql, params);
    if (!q)
        return q.error();
    const int detailFirst = 4;
    const int detailCount = int(detailColumns(branch).count(u',')) + 1;
    QList<Match> found;
    while (q->next()) {
        Match match;
        match.branch = branch;
        match.id = q->value(0).toLongLong();
        match.hostId = q->value(1).toLongLong();
        match.ts = q->value(2).toLongLong();
        match.processId = q->value(3);
        match.detail = detailOf(branch, *q, detailFirst);
        for (int i = 0; i < firstColumns.size(); ++i)
            match.firstValues << q->value(detailFirst + detailCount + i);
        found.append(match);
    }
    return found;
}

// An event matching `unless` on the same host within `within` seconds of the match, in any event table.
Expected<bool> Detector::suppressed(const DetectionRule &rule, const Match &match)
{
    if (rule.unless.kind == FilterNode::Kind::All)
        return false;
    const qint64 window = rule.withinSeconds * 1'000'000'000;
    const auto conditions = compileDisplayFilter(rule.unless, m_db.engine());
    for (const int branch : kRuleBranches) {
        const BranchCondition &condition = conditions.at(branch);
        if (condition.state == BranchCondition::State::Never)
            continue;
        QVariantList params = condition.params;
        params << match.hostId << match.ts - window << match.ts + window;
        auto found = m_db.scalar(u"SELECT 1 FROM %1 WHERE %2 AND x.host_id = ? AND x.ts BETWEEN ? AND ? LIMIT 1"_s.arg(
                                     eventBranchFrom(branch, condition.process, condition.path),
                                     condition.state == BranchCondition::State::Sql ? condition.sql : u"1 = 1"_s),
                                 params);
        if (!found)
            return found.error();
        if (!found->isNull())
            return true;
    }
    return false;
}

// An earlier event of the same table on the same host that matches the rule with the same `first per` values.
Expected<bool> Detector::seenBefore(const DetectionRule &rule, int branch, const Match &match)
{
    if (rule.firstPer.isEmpty())
        return false;
    const BranchCondition condition = compileDisplayFilter(rule.match, m_db.engine()).at(branch);
    QVariantList params = condition.params;
    QString sql = u"SELECT 1 FROM %1 WHERE %2 AND x.host_id = ? AND (x.ts < ? OR (x.ts = ? AND x.id < ?))"_s.arg(
        eventBranchFrom(branch, branch != StateBranch, branch == FileBranch),
        condition.state == BranchCondition::State::Sql ? condition.sql : u"1 = 1"_s);
    params << match.hostId << match.ts << match.ts << match.id;
    for (int i = 0; i < rule.firstPer.size(); ++i) {
        const QString column = filterFieldColumn(rule.firstPer.at(i), branch, m_db.engine());
        if (column.isEmpty())
            continue; // a field this table has not: the same (absent) value everywhere
        if (match.firstValues.at(i).isNull()) {
            sql += u" AND %1 IS NULL"_s.arg(column);
        } else {
            sql += u" AND %1 = ?"_s.arg(column);
            params << match.firstValues.at(i);
        }
    }
    auto found = m_db.scalar(sql + u" LIMIT 1"_s, params);
    if (!found)
        return found.error();
    return !found->isNull();
}

Expected<DetectionSummary> Detector::run(const DetectionScope &scope, const Progress &progress)
{
    DetectionSummary summary;
    for (int r = 0; r < m_rules.size(); ++r) {
        const DetectionRule &rule = m_rules.at(r);
        if (progress && !progress(r, int(m_rules.size()), rule.name))
            return Flight::Format::makeError(Flight::Format::Reason::Cancelled, u"detection cancelled"_s);
        ++summary.rules;
        for (const int branch : kRuleBranches) {
            auto found = matches(rule, branch, scope);
            if (!found)
                return Error{u"rule %1 (%2): %3"_s.arg(rule.name, rule.file, found.error().message),
                             found.error().code};
            for (const Match &match : std::as_const(*found)) {
                auto earlier = seenBefore(rule, branch, match);
                if (!earlier)
                    return earlier.error();
                if (*earlier)
                    continue;
                auto quiet = suppressed(rule, match);
                if (!quiet)
                    return quiet.error();
                if (*quiet)
                    continue;
                ++summary.matched;
                auto raised = raiseAlert(m_db,
                                         {match.hostId, match.ts, u"rule"_s, rule.name, rule.severity, rule.title,
                                          match.detail, evidenceOf(branch, match.id, match.processId)});
                if (!raised)
                    return raised.error();
                if (*raised)
                    summary.raised.append({rule.name, **raised, match.hostId, match.ts, match.detail});
            }
        }
    }
    return summary;
}

} // namespace Deck::Core
