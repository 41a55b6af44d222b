// SPDX-License-Identifier: GPL-3.0-or-later
// The display-filter language (displayfilter.h) on strings alone: valid expressions give the expected tree (written
// as an s-expression), invalid and hostile ones give their reason and the column where they go wrong, and the SQL
// made of a filter holds its values only as parameters.
#include "displayfilter.h"
#include "displayfiltersql.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

class TestDisplayFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void valuesAreParameters();
    void patternsEscapeTheEngineWildcards();
    void accountNameIsAParameter_data();
    void accountNameIsAParameter();
    void foldsBranches();
};

namespace {

QString describe(const FilterNode &node)
{
    static const char *const ops[] = {"==", "!=", "contains", "startswith", "matches", "<", ">", "<=", ">="};
    switch (node.kind) {
    case FilterNode::Kind::All:
        return u"all"_s;
    case FilterNode::Kind::Compare:
        return u"(%1 %2 %3)"_s.arg(QLatin1StringView(ops[int(node.op)]), node.field,
                                   node.text.isNull()
                                       ? QString::number(node.number)
                                       : u'"' + QString::fromLatin1(node.text.toPercentEncoding("/.:")) + u'"');
    case FilterNode::Kind::Not:
        return u"(not %1)"_s.arg(describe(node.children.constFirst()));
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        QStringList parts;
        for (const FilterNode &child : node.children)
            parts << describe(child);
        return u"(%1 %2)"_s.arg(node.kind == FilterNode::Kind::And ? u"and"_s : u"or"_s, parts.join(u' '));
    }
    }
    return {};
}

} // namespace

void TestDisplayFilter::valid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("tree");
    QTest::newRow("empty") << u""_s << u"all"_s;
    QTest::newRow("blank") << u"  \t "_s << u"all"_s;
    QTest::newRow("equal string") << u"proc.comm == \"curl\""_s << u"(== proc.comm \"curl\")"_s;
    QTest::newRow("bare word") << u"file.op==write"_s << u"(== file.op \"write\")"_s;
    QTest::newRow("address as bare word") << u"net.raddr != 203.0.113.5"_s << u"(!= net.raddr \"203.0.113.5\")"_s;
    QTest::newRow("number") << u"net.rport > 1024"_s << u"(> net.rport 1024)"_s;
    QTest::newRow("negative number") << u"proc.pid >= -1"_s << u"(>= proc.pid -1)"_s;
    QTest::newRow("contains") << u"proc.argv contains \"evil\""_s << u"(contains proc.argv \"evil\")"_s;
    QTest::newRow("startswith") << u"proc.exe startswith \"/tmp/\""_s << u"(startswith proc.exe \"/tmp/\")"_s;
    QTest::newRow("matches") << u"file.path MATCHES \"*/.ssh/*\""_s << u"(matches file.path \"%2A/.ssh/%2A\")"_s;
    QTest::newRow("rule fields") << u"proc.setuid == 0 and cred.euid == 0 and state.added > 0 and proc.stdio == x"_s
                                 << u"(and (== proc.setuid 0) (== cred.euid 0) (> state.added 0) (== proc.stdio \"x\"))"_s;
    QTest::newRow("operators are words in any case")
        << u"proc.exe CONTAINS x AND NOT user == 0"_s << u"(and (contains proc.exe \"x\") (not (== user 0)))"_s;
    QTest::newRow("and binds tighter than or")
        << u"host == a or host == b and user == 0"_s << u"(or (== host \"a\") (and (== host \"b\") (== user 0)))"_s;
    QTest::newRow("parentheses") << u"(host == a or host == b) and user == 0"_s
                                 << u"(and (or (== host \"a\") (== host \"b\")) (== user 0))"_s;
    QTest::newRow("symbols") << u"!(user == 0) && (proc.pid < 5 || proc.pid > 9)"_s
                             << u"(and (not (== user 0)) (or (< proc.pid 5) (> proc.pid 9)))"_s;
    QTest::newRow("chains flatten") << u"user == 1 or user == 2 or user == 3"_s
                                    << u"(or (== user 1) (== user 2) (== user 3))"_s;
    QTest::newRow("user by quoted name") << u"user == \"alice\""_s << u"(== user \"alice\")"_s;
    QTest::newRow("user by word name") << u"user != alice"_s << u"(!= user \"alice\")"_s;
    QTest::newRow("user by number") << u"user == 1000"_s << u"(== user 1000)"_s;
    QTest::newRow("user name prefix") << u"user startswith ali or user == 0"_s
                                      << u"(or (startswith user \"ali\") (== user 0))"_s;
    QTest::newRow("group by quoted name") << u"group == \"staff\""_s << u"(== group \"staff\")"_s;
    QTest::newRow("group by word name") << u"group != docker"_s << u"(!= group \"docker\")"_s;
    QTest::newRow("group by number") << u"group == 50"_s << u"(== group 50)"_s;
    QTest::newRow("group name glob and user") << u"group matches \"sta*\" and not user == alice"_s
                                              << u"(and (matches group \"sta%2A\") (not (== user \"alice\")))"_s;
    QTest::newRow("escapes") << u"file.path == \"a\\\"b\\\\c\\n\\t\\r\\0\\xff\""_s
                             << u"(== file.path \"a%22b%5Cc%0A%09%0D%00%FF\")"_s;
    QTest::newRow("sql in a string stays a value")
        << u"proc.comm == \"x'); DROP TABLE processes; --\""_s
        << u"(== proc.comm \"x%27%29%3B%20DROP%20TABLE%20processes%3B%20--\")"_s;
    QTest::newRow("unicode") << u"file.path contains \"/tmp/ü\""_s << u"(contains file.path \"/tmp/%C3%BC\")"_s;
    QTest::newRow("every field") << u"event.kind == x and state.check == y and net.proto == tcp and net.laddr == l "
                                    u"and net.lport == 1 and net.op == connect"_s
                                 << u"(and (== event.kind \"x\") (== state.check \"y\") (== net.proto \"tcp\") "
                                    u"(== net.laddr \"l\") (== net.lport 1) (== net.op \"connect\"))"_s;
}

void TestDisplayFilter::valid()
{
    QFETCH(QString, expression);
    QFETCH(QString, tree);
    auto parsed = parseDisplayFilter(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(describe(*parsed), tree);
}

void TestDisplayFilter::invalid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown field") << u"proc.ex == \"x\""_s << 1 << u"unknown field 'proc.ex'"_s;
    QTest::newRow("no value") << u"proc.exe =="_s << 12 << u"expected a value after =="_s;
    QTest::newRow("no operator") << u"proc.exe"_s << 9 << u"expected an operator"_s;
    QTest::newRow("single =") << u"proc.pid = 1"_s << 10 << u"'=' is not an operator; write '=='"_s;
    QTest::newRow("text for a number") << u"proc.pid == abc"_s << 13 << u"proc.pid is a number; abc is not"_s;
    QTest::newRow("number too big") << u"proc.pid == 99999999999999999999"_s << 13 << u"proc.pid is a number"_s;
    QTest::newRow("ordering on text") << u"proc.comm < 5"_s << 11 << u"< compares numbers; proc.comm is text"_s;
    QTest::newRow("ordering on a user name")
        << u"user < alice"_s << 6 << u"< compares numbers; a user name is text"_s;
    QTest::newRow("user number too big") << u"user == 99999999999999999999"_s << 9 << u"user is a number"_s;
    QTest::newRow("contains on a user number")
        << u"user contains 10"_s << 6 << u"contains applies to text; user is a number"_s;
    QTest::newRow("ordering on a group name")
        << u"group >= staff"_s << 7 << u">= compares numbers; a group name is text"_s;
    QTest::newRow("group number too big") << u"group == 99999999999999999999"_s << 10 << u"group is a number"_s;
    QTest::newRow("contains on a group number")
        << u"group contains 10"_s << 7 << u"contains applies to text; group is a number"_s;
    QTest::newRow("group without a value") << u"group =="_s << 9 << u"expected a value after =="_s;
    QTest::newRow("groups is no field") << u"groups == staff"_s << 1 << u"unknown field 'groups'"_s;
    QTest::newRow("contains on a number")
        << u"proc.pid contains 1"_s << 10 << u"contains applies to text; proc.pid is a number"_s;
    QTest::newRow("startswith on a number")
        << u"proc.pid startswith 1"_s << 10 << u"startswith applies to text; proc.pid is a number"_s;
    QTest::newRow("unclosed parenthesis") << u"(proc.pid == 1"_s << 1 << u"this '(' is never closed"_s;
    QTest::newRow("extra parenthesis") << u"proc.pid == 1)"_s << 14 << u"')' without a matching '('"_s;
    QTest::newRow("missing and") << u"proc.pid == 1 proc.pid == 2"_s << 15
                                 << u"unexpected 'proc.pid' after a complete comparison"_s;
    QTest::newRow("dangling and") << u"proc.pid == 1 and"_s << 18 << u"expected a field"_s;
    QTest::newRow("lone not") << u"not"_s << 4 << u"expected a field"_s;
    QTest::newRow("string as field") << u"\"proc.pid\" == 1"_s << 1 << u"expected a field"_s;
    QTest::newRow("unterminated string") << u"file.path == \"abc"_s << 14 << u"the string has no closing \""_s;
    QTest::newRow("unknown escape") << u"file.path == \"a\\qb\""_s << 16 << u"unknown escape \\q"_s;
    QTest::newRow("short hex escape") << u"file.path == \"\\x4\""_s << 15 << u"\\x needs two hex digits"_s;
    QTest::newRow("sql injection") << u"x'); DROP TABLE processes; --"_s << 2 << u"unexpected character '''"_s;
    QTest::newRow("semicolon") << u"user == 0; DELETE FROM hosts"_s << 10 << u"unexpected character ';'"_s;
    QTest::newRow("nul character") << u"proc.comm == a"_s + QChar(0) << 15 << u"a NUL character is not allowed"_s;
    QTest::newRow("nul inside a string") << u"proc.comm == \"a"_s + QChar(0) + u"\""_s << 16
                                         << u"a NUL character is not allowed"_s;
    QTest::newRow("control character") << u"user == 1 \u0007"_s << 11 << u"unexpected character 'U+0007'"_s;
    QTest::newRow("too deep") << QString(70, u'(') + u"user == 1"_s + QString(70, u')') << 65
                              << u"nested too deeply (more than 64 levels)"_s;
    QTest::newRow("too many nots") << QString(200, u'!') + u"user == 1"_s << 65 << u"nested too deeply"_s;
    QTest::newRow("too long") << u"user == 1 or "_s.repeated(400) + u"user == 2"_s << 4097
                              << u"the filter is longer than 4096 characters"_s;
}

void TestDisplayFilter::invalid()
{
    QFETCH(QString, expression);
    QFETCH(int, column);
    QFETCH(QString, reason);
    auto parsed = parseDisplayFilter(expression);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, column);
    QVERIFY2(parsed.error().message.startsWith(u"column %1: "_s.arg(column)), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
}

void TestDisplayFilter::valuesAreParameters()
{
    auto parsed = parseDisplayFilter(u"proc.comm == \"x'); DROP TABLE processes; --\" or file.path contains "
                                     u"\"\\xff'\" or host != \"a'b\" or net.rport < 7"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    for (const Engine engine : {Engine::Sqlite, Engine::Postgres}) {
        const auto conditions = compileDisplayFilter(*parsed, engine);
        const BranchCondition &file = conditions[FileBranch];
        QCOMPARE(file.state, BranchCondition::State::Sql);
        QVERIFY2(!file.sql.contains(u'\'') && !file.sql.contains(u"DROP"_s), qPrintable(file.sql));
        QCOMPARE(file.sql.count(u'?'), file.params.size());
        QCOMPARE(file.params, (QVariantList{u"x'); DROP TABLE processes; --"_s, QByteArray("\xff'"), u"a'b"_s}));
        QVERIFY(file.process && file.path);
        // net events have no path, so that comparison is dropped there; every table has a host.
        QCOMPARE(conditions[NetBranch].params, (QVariantList{u"x'); DROP TABLE processes; --"_s, u"a'b"_s, qint64(7)}));
        QCOMPARE(conditions[LossBranch].params, QVariantList{u"a'b"_s});
    }
}

// startswith and matches bind a pattern in which only the glob's own wildcards are wildcards.
void TestDisplayFilter::patternsEscapeTheEngineWildcards()
{
    auto prefix = parseDisplayFilter(u"proc.exe startswith \"/t[m]p/a*b_c%\\\\\""_s);
    QVERIFY2(prefix.ok(), qPrintable(prefix.error().message));
    QCOMPARE(compileDisplayFilter(*prefix, Engine::Sqlite)[ProcessBranch].params,
             QVariantList{QByteArray("/t[[]m]p/a[*]b_c%\\*")});
    QCOMPARE(compileDisplayFilter(*prefix, Engine::Postgres)[ProcessBranch].params,
             QVariantList{QByteArray("/t[m]p/a*b\\_c\\%\\\\%")});
    auto glob = parseDisplayFilter(u"file.path matches \"*/.ssh/authorized_keys?\""_s);
    QVERIFY(glob.ok());
    QCOMPARE(compileDisplayFilter(*glob, Engine::Sqlite)[FileBranch].params,
             QVariantList{QByteArray("*/.ssh/authorized_keys?")});
    QCOMPARE(compileDisplayFilter(*glob, Engine::Postgres)[FileBranch].params,
             QVariantList{QByteArray("%/.ssh/authorized\\_keys_")});
    // A constant (the kind of a table of one kind) is matched here.
    using State = BranchCondition::State;
    const auto kind = compileDisplayFilter(*parseDisplayFilter(u"event.kind matches \"file.*\""_s), Engine::Sqlite);
    QCOMPARE(kind[FileBranch].state, State::Always);
    QCOMPARE(kind[NetBranch].state, State::Never);
}

// A user or group name is bound as a parameter (twice for ==: the ids that ever had it, then the name at the event's
// time), resolved for the field's own kind of id, and compared on the branches that have a process only.
void TestDisplayFilter::accountNameIsAParameter_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("kind");
    QTest::newRow("user") << u"user"_s << u"p.uid"_s << u"'uid'"_s;
    QTest::newRow("group") << u"group"_s << u"p.gid"_s << u"'gid'"_s;
}

void TestDisplayFilter::accountNameIsAParameter()
{
    QFETCH(QString, field);
    QFETCH(QString, column);
    QFETCH(QString, kind);
    const QString other = kind == "'uid'"_L1 ? u"'gid'"_s : u"'uid'"_s;
    auto parsed = parseDisplayFilter(field + u" == \"x'); DROP TABLE hosts; --\""_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    for (const Engine engine : {Engine::Sqlite, Engine::Postgres}) {
        const auto conditions = compileDisplayFilter(*parsed, engine);
        for (const int branch : {ProcessBranch, FileBranch, NetBranch}) {
            const BranchCondition &c = conditions[branch];
            QCOMPARE(c.state, BranchCondition::State::Sql);
            QVERIFY2(!c.sql.contains(u"DROP"_s), qPrintable(c.sql));
            QCOMPARE(c.sql.count(u'?'), c.params.size());
            QCOMPARE(c.params, QVariantList(2, u"x'); DROP TABLE hosts; --"_s));
            QVERIFY2(c.sql.startsWith(u"(%1 IN ("_s.arg(column)) && c.sql.contains(kind) && !c.sql.contains(other),
                     qPrintable(c.sql));
            QVERIFY(c.process);
        }
        QCOMPARE(conditions[StateBranch].state, BranchCondition::State::Never);
        // By number, the id's column itself.
        const auto byNumber = compileDisplayFilter(*parseDisplayFilter(field + u" == 50"_s), engine);
        QCOMPARE(byNumber[NetBranch].params, QVariantList{qint64(50)});
        QVERIFY2(byNumber[NetBranch].sql.contains(column + u" = ?"_s), qPrintable(byNumber[NetBranch].sql));
        QCOMPARE(filterFieldColumn(field, FileBranch, engine), column);
    }
}

void TestDisplayFilter::foldsBranches()
{
    using State = BranchCondition::State;
    const auto states = [](const QString &expression) {
        QList<State> list;
        for (const BranchCondition &c : compileDisplayFilter(*parseDisplayFilter(expression), Engine::Sqlite))
            list << c.state;
        return list;
    };
    // Branches: process, file, net, state, host, loss.
    QCOMPARE(states(u""_s), QList<State>(6, State::Always));
    QCOMPARE(states(u"file.path contains x"_s),
             (QList<State>{State::Never, State::Sql, State::Never, State::Never, State::Never, State::Never}));
    QCOMPARE(states(u"event.kind == \"file.access\""_s),
             (QList<State>{State::Sql, State::Always, State::Never, State::Sql, State::Sql, State::Never}));
    // A field a table lacks compares false there, so its negation keeps that table whole.
    QCOMPARE(states(u"not proc.pid == 1"_s),
             (QList<State>{State::Sql, State::Sql, State::Sql, State::Always, State::Always, State::Always}));
    QCOMPARE(states(u"event.kind == rec.loss or net.rport == 22"_s),
             (QList<State>{State::Sql, State::Never, State::Sql, State::Sql, State::Sql, State::Always}));
}

QTEST_GUILESS_MAIN(TestDisplayFilter)
#include "tst_displayfilter.moc"
