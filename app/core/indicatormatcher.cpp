// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatormatcher.h"

#include "alertwriter.h"
#include "bytetext.h"
#include "database.h"
#include "indicatorglob.h"
#include "indicatorstore.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

using ListedIndicator = std::pair<QString, StoredIndicator>; // list name, indicator

// One hit, ready to be raised once every read has finished (a PostgreSQL connection streams one result at a time).
struct Hit
{
    const ListedIndicator *indicator = nullptr;
    NewAlert alert;
};

QString describe(const ListedIndicator &listed)
{
    return u"%1 (%2 %3, line %4)"_s.arg(listed.second.value, listed.first, indicatorTypeName(listed.second.type))
        .arg(listed.second.line);
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The process's name for titles: "curl (pid 300)".
QString processText(const QVariant &comm, const QVariant &pid)
{
    if (pid.isNull())
        return u"an unknown process"_s;
    return u"%1 (pid %2)"_s.arg(displayBytes(comm.toString().toUtf8()), pid.toString()); // escaped: from the host
}

class Matcher
{
public:
    Matcher(Database &db, const QList<ListedIndicator> &indicators, const std::atomic<bool> *cancel)
        : m_db(db)
        , m_cancel(cancel)
    {
        for (const ListedIndicator &listed : indicators) {
            switch (listed.second.type) {
            case IndicatorType::Address:
                if (listed.second.value.contains(u'/'))
                    m_ranges.append({&listed, QHostAddress::parseSubnet(listed.second.value)});
                else
                    m_addresses[QHostAddress(listed.second.value).toString()].append(&listed);
                break;
            case IndicatorType::Domain:
                m_domains[listed.second.value.toLatin1()].append(&listed);
                break;
            case IndicatorType::Digest:
                if (listed.second.value.size() == 64
                    && (listed.second.algorithm.isEmpty() || listed.second.algorithm == "blake2b-256"_L1))
                    m_digests[listed.second.value].append(&listed);
                break;
            case IndicatorType::Path:
                m_globs.append({&listed, globRegularExpression(listed.second.value.toUtf8())});
                break;
            }
        }
        QStringList alternatives;
        for (const auto &[listed, re] : std::as_const(m_globs))
            alternatives.append(u"(?:"_s + re.pattern() + u')');
        m_anyGlob = QRegularExpression(alternatives.join(u'|'), QRegularExpression::DotMatchesEverythingOption);
    }

    Expected<void> run()
    {
        for (auto step : {&Matcher::matchAddresses, &Matcher::matchDigests, &Matcher::matchPaths, &Matcher::matchArgv}) {
            if (cancelled(m_cancel))
                return Error{u"matching indicators against %1 was cancelled"_s.arg(m_db.name())};
            if (auto done = (this->*step)(); !done)
                return done;
        }
        return {};
    }

    QList<Hit> hits;

private:
    QList<const ListedIndicator *> addressMatches(const QString &text) const
    {
        QHostAddress address(text);
        if (address.isNull())
            return {};
        bool mapped = false;
        if (const quint32 v4 = address.toIPv4Address(&mapped); mapped)
            address = QHostAddress(v4); // ::ffff:a.b.c.d is the IPv4 address
        QList<const ListedIndicator *> found = m_addresses.value(address.toString());
        for (const auto &[listed, subnet] : m_ranges)
            if (address.isInSubnet(subnet))
                found.append(listed);
        return found;
    }

    Expected<void> matchAddresses()
    {
        if (m_addresses.isEmpty() && m_ranges.isEmpty())
            return {};
        for (const bool remote : {true, false}) {
            const QString column = remote ? u"raddr"_s : u"laddr"_s;
            QList<std::pair<QString, const ListedIndicator *>> found;
            {
                auto q = m_db.query(u"SELECT DISTINCT %1 FROM net_events WHERE %1 IS NOT NULL"_s.arg(column));
                if (!q)
                    return q.error();
                while (q->next())
                    for (const ListedIndicator *listed : addressMatches(q->value(0).toString()))
                        found.append({q->value(0).toString(), listed});
            }
            for (const auto &[address, listed] : std::as_const(found))
                if (auto done = addressHits(column, address, *listed); !done)
                    return done;
        }
        return {};
    }

    Expected<void> addressHits(const QString &column, const QString &address, const ListedIndicator &listed)
    {
        auto q = m_db.query(u"SELECT n.id, n.ts, n.host_id, n.process_id, g.c, n.op, n.raddr, n.rport, n.laddr, "
                            u"n.lport, p.comm, p.pid FROM net_events n JOIN (SELECT MIN(id) AS id, COUNT(*) AS c "
                            u"FROM net_events WHERE %1 = ? GROUP BY host_id, process_id) g ON g.id = n.id "
                            u"LEFT JOIN processes p ON p.id = n.process_id ORDER BY n.id"_s.arg(column),
                            {address}, Database::Fetch::AtOnce);
        if (!q)
            return q.error();
        const bool remote = column == "raddr"_L1;
        while (q->next()) {
            NewAlert alert = base(listed, q->value(2).toLongLong(), q->value(1).toLongLong(), u"medium"_s);
            const QString who = processText(q->value(10), q->value(11));
            const QString endpoint = remote ? u"%1 port %2"_s.arg(q->value(6).toString(), q->value(7).toString())
                                            : u"%1 port %2"_s.arg(q->value(8).toString(), q->value(9).toString());
            alert.title = remote ? u"%1: %2 to a listed address, %3"_s.arg(listed.first, q->value(5).toString(), endpoint)
                                 : u"%1: local address %2 is listed"_s.arg(listed.first, endpoint);
            alert.detail = u"%1 matched %2; %3 event(s) of %4"_s.arg(address, describe(listed), q->value(4).toString(), who);
            alert.evidence = {{ObjectType::NetEvent, q->value(0).toLongLong()}};
            if (!q->value(3).isNull())
                alert.evidence.append({ObjectType::Process, q->value(3).toLongLong()});
            hits.append({&listed, alert});
        }
        return {};
    }

    Expected<void> matchDigests()
    {
        const QStringList digests = m_digests.keys();
        for (qsizetype at = 0; at < digests.size(); at += 500) {
            const QStringList chunk = digests.mid(at, 500);
            QStringList marks(chunk.size(), u"?"_s);
            QVariantList params;
            for (const QString &digest : chunk)
                params.append(digest);
            auto q = m_db.query(u"SELECT id, host_id, COALESCE(image_ts, start_ts), LOWER(exe_digest), comm, pid, exe "
                                u"FROM processes WHERE LOWER(exe_digest) IN (%1) ORDER BY id"_s.arg(marks.join(u',')),
                                params, Database::Fetch::AtOnce);
            if (!q)
                return q.error();
            while (q->next()) {
                for (const ListedIndicator *listed : m_digests.value(q->value(3).toString())) {
                    NewAlert alert = base(*listed, q->value(1).toLongLong(), q->value(2).toLongLong(), u"high"_s);
                    alert.title = u"%1: executable with a listed digest, %2"_s.arg(
                        listed->first, displayBytes(q->value(6).toByteArray()));
                    alert.detail = u"BLAKE2b-256 of the executable of %1 matched %2"_s.arg(
                        processText(q->value(4), q->value(5)), describe(*listed));
                    alert.evidence = {{ObjectType::Process, q->value(0).toLongLong()}};
                    hits.append({listed, alert});
                }
            }
        }
        return {};
    }

    // The listed domains named by a host-like token in `text` (a name or any of its parent domains).
    QList<const ListedIndicator *> domainMatches(QByteArrayView text) const
    {
        QList<const ListedIndicator *> found;
        const auto hostChar = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || c == '_';
        };
        qsizetype i = 0;
        while (i < text.size()) {
            while (i < text.size() && !hostChar(text[i]))
                ++i;
            const qsizetype start = i;
            while (i < text.size() && hostChar(text[i]))
                ++i;
            QByteArray token = text.sliced(start, i - start).toByteArray().toLower();
            while (token.contains('.')) {
                if (const auto it = m_domains.constFind(token); it != m_domains.constEnd())
                    found += *it;
                token = token.mid(token.indexOf('.') + 1);
            }
        }
        return found;
    }

    Expected<void> matchPaths()
    {
        if (m_globs.isEmpty() && m_domains.isEmpty())
            return {};
        QList<std::tuple<qint64, QByteArray, const ListedIndicator *>> found;
        {
            auto q = m_db.query(u"SELECT id, path FROM paths"_s);
            if (!q)
                return q.error();
            while (q->next() && !cancelled(m_cancel)) {
                const QByteArray path = q->value(1).toByteArray();
                QList<const ListedIndicator *> listed = domainMatches(path);
                const QString text = bytesAsLatin1(path);
                // One pass of the combined expression, then the globs one by one on a hit (or on every path when
                // so many globs make the combined expression too large to compile).
                if (!m_globs.isEmpty() && (!m_anyGlob.isValid() || m_anyGlob.match(text).hasMatch()))
                    for (const auto &[glob, re] : std::as_const(m_globs))
                        if (re.match(text).hasMatch())
                            listed.append(glob);
                for (const ListedIndicator *hit : std::as_const(listed))
                    found.append({q->value(0).toLongLong(), path, hit});
            }
        }
        for (const auto &[pathId, path, listed] : std::as_const(found))
            if (auto done = pathHits(pathId, path, *listed); !done)
                return done;
        return {};
    }

    Expected<void> pathHits(qint64 pathId, const QByteArray &path, const ListedIndicator &listed)
    {
        const QString shown = displayBytes(path);
        auto files = m_db.query(u"SELECT f.id, f.ts, f.host_id, f.process_id, g.c, f.op, p.comm, p.pid FROM file_events f "
                                u"JOIN (SELECT MIN(id) AS id, COUNT(*) AS c FROM file_events WHERE path_id = ? OR "
                                u"to_path_id = ? GROUP BY host_id, process_id) g ON g.id = f.id "
                                u"LEFT JOIN processes p ON p.id = f.process_id ORDER BY f.id"_s,
                                {pathId, pathId}, Database::Fetch::AtOnce);
        if (!files)
            return files.error();
        while (files->next()) {
            NewAlert alert = base(listed, files->value(2).toLongLong(), files->value(1).toLongLong(), u"medium"_s);
            alert.title = u"%1: %2 of a listed path, %3"_s.arg(listed.first, files->value(5).toString(), shown);
            alert.detail = u"%1 matched %2; %3 event(s) of %4"_s.arg(shown, describe(listed), files->value(4).toString(),
                                                                    processText(files->value(6), files->value(7)));
            alert.evidence = {{ObjectType::FileEvent, files->value(0).toLongLong()},
                              {ObjectType::Process, files->value(3).toLongLong()},
                              {ObjectType::Path, pathId}};
            hits.append({&listed, alert});
        }
        auto execs = m_db.query(u"SELECT e.process_id, e.host_id, MIN(e.ts), p.comm, p.pid FROM process_events e "
                                u"JOIN processes p ON p.id = e.process_id WHERE e.exe_path_id = ? "
                                u"GROUP BY e.process_id, e.host_id, p.comm, p.pid ORDER BY e.process_id"_s,
                                {pathId}, Database::Fetch::AtOnce);
        if (!execs)
            return execs.error();
        while (execs->next()) {
            NewAlert alert = base(listed, execs->value(1).toLongLong(), execs->value(2).toLongLong(), u"medium"_s);
            alert.title = u"%1: execution of a listed path, %2"_s.arg(listed.first, shown);
            alert.detail = u"%1 matched %2; executed by %3"_s.arg(shown, describe(listed),
                                                                   processText(execs->value(3), execs->value(4)));
            alert.evidence = {{ObjectType::Process, execs->value(0).toLongLong()}, {ObjectType::Path, pathId}};
            hits.append({&listed, alert});
        }
        return {};
    }

    Expected<void> matchArgv()
    {
        if (m_domains.isEmpty())
            return {};
        auto q = m_db.query(u"SELECT id, host_id, COALESCE(image_ts, start_ts), argv, comm, pid FROM processes "
                            u"WHERE argv IS NOT NULL ORDER BY id"_s);
        if (!q)
            return q.error();
        while (q->next() && !cancelled(m_cancel)) {
            const QByteArray argv = q->value(3).toByteArray();
            for (const ListedIndicator *listed : domainMatches(argv)) {
                NewAlert alert = base(*listed, q->value(1).toLongLong(), q->value(2).toLongLong(), u"medium"_s);
                alert.title = u"%1: a listed domain in the arguments of %2"_s.arg(
                    listed->first, processText(q->value(4), q->value(5)));
                alert.detail = u"%1 matched in the arguments \u201c%2\u201d"_s.arg(describe(*listed),
                                                                                  displayArgv(argv).left(300));
                alert.evidence = {{ObjectType::Process, q->value(0).toLongLong()}};
                hits.append({listed, alert});
            }
        }
        return {};
    }

    static NewAlert base(const ListedIndicator &listed, qint64 hostId, qint64 ts, const QString &severity)
    {
        NewAlert alert;
        alert.hostId = hostId;
        alert.ts = ts;
        alert.source = u"indicator"_s;
        alert.rule = listed.first;
        alert.severity = severity;
        return alert;
    }

    Database &m_db;
    const std::atomic<bool> *m_cancel;
    QHash<QString, QList<const ListedIndicator *>> m_addresses;
    QList<std::pair<const ListedIndicator *, std::pair<QHostAddress, int>>> m_ranges;
    QHash<QByteArray, QList<const ListedIndicator *>> m_domains;
    QHash<QString, QList<const ListedIndicator *>> m_digests;
    QList<std::pair<const ListedIndicator *, QRegularExpression>> m_globs;
    QRegularExpression m_anyGlob;
};

} // namespace

Expected<IndicatorMatchSummary> matchIndicators(Database &db, const QString &onlyList, const std::atomic<bool> *cancel)
{
    IndicatorStore store(db);
    auto indicators = store.allIndicators(onlyList);
    if (!indicators)
        return indicators.error();
    IndicatorMatchSummary summary;
    summary.indicators = indicators->size();
    if (indicators->isEmpty())
        return summary;
    Matcher matcher(db, *indicators, cancel);
    if (auto done = matcher.run(); !done)
        return done.error();
    if (cancelled(cancel))
        return Error{u"matching indicators against %1 was cancelled"_s.arg(db.name())};
    summary.hits = matcher.hits.size();
    if (matcher.hits.isEmpty())
        return summary;
    if (auto begun = db.begin(); !begun)
        return begun.error();
    for (const Hit &hit : std::as_const(matcher.hits)) {
        auto raised = raiseAlert(db, hit.alert);
        if (!raised) {
            db.rollback();
            return raised.error();
        }
        if (*raised) {
            ++summary.alertsRaised;
            ++summary.raisedPerList[hit.indicator->first];
        }
    }
    if (auto committed = db.commit(); !committed)
        return committed.error();
    return summary;
}

} // namespace Deck::Core
