// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli hosts: every host of the case with its trusted keys, chain anchor and gaps.
#include "clicommon.h"
#include "truststore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

QJsonObject hostJson(const HostSummary &h)
{
    QJsonArray keys;
    for (const TrustedHostKey &k : h.keys) {
        QJsonObject key{{u"public_key"_s, k.publicKey},
                        {u"fingerprint"_s, k.fingerprint},
                        {u"label"_s, k.label},
                        {u"trusted_by"_s, k.trustedBy},
                        {u"trusted_ts"_s, QString::number(k.trustedTs)}};
        if (k.lastSeq) {
            key.insert(u"last_seq"_s, *k.lastSeq);
            key.insert(u"last_digest"_s, k.lastDigest);
        }
        keys.append(key);
    }
    QJsonObject object{{u"hostname"_s, h.hostname},
                       {u"machine_id"_s, h.machineId},
                       {u"os"_s, h.os},
                       {u"kernel"_s, h.kernel},
                       {u"archives"_s, h.archives},
                       {u"events"_s, h.events},
                       {u"missing_archives"_s, h.missingArchives},
                       {u"forks"_s, h.forks},
                       {u"lost_events"_s, h.losses},
                       {u"last_import_ts"_s, QString::number(h.lastImportTs)},
                       {u"keys"_s, keys}};
    if (h.lastEventTs)
        object.insert(u"last_event_ts"_s, QString::number(*h.lastEventTs));
    return object;
}

} // namespace

int runHosts(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the hosts of the case: archives, events, archives missing from each key's chain, forks held, events\n"
        "the collector reported lost, the last event, and each trusted key with its chain anchor (last verified\n"
        "sequence number). Time stamps in --json are UTC nanoseconds, as strings."_s);
    if (auto end = parseCommand(parser, arguments, global, 0, 0))
        return *end;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    auto hosts = TrustStore(*db).hosts();
    if (!hosts) {
        printError(hosts.error().message);
        return ExitUsage;
    }
    if (global.json) {
        for (const HostSummary &h : std::as_const(*hosts))
            printJson(hostJson(h));
        return ExitOk;
    }
    printOut(u"%1 %2 %3 %4 %5 %6 %7 %8  %9\n"_s.arg(u"HOST"_s, -20)
                 .arg(u"MACHINE-ID"_s, -32)
                 .arg(u"ARCHIVES"_s, 8)
                 .arg(u"EVENTS"_s, 10)
                 .arg(u"LAST-SEQ"_s, 8)
                 .arg(u"MISSING"_s, 7)
                 .arg(u"FORKS"_s, 5)
                 .arg(u"LAST EVENT (UTC)"_s, -23)
                 .arg(u"KEY"_s));
    for (const HostSummary &h : std::as_const(*hosts)) {
        const TrustedHostKey key = h.keys.isEmpty() ? TrustedHostKey{} : h.keys.constLast();
        printOut(
            u"%1 %2 %3 %4 %5 %6 %7 %8  %9\n"_s.arg(h.hostname, -20)
                .arg(h.machineId, -32)
                .arg(h.archives, 8)
                .arg(h.events, 10)
                .arg(key.lastSeq ? QString::number(*key.lastSeq) : u"-"_s, 8)
                .arg(h.missingArchives, 7)
                .arg(h.forks, 5)
                .arg(formatTime(h.lastEventTs.value_or(0)), -23)
                .arg(h.keys.size() > 1 ? u"%1 (+%2)"_s.arg(key.fingerprint).arg(h.keys.size() - 1) : key.fingerprint));
    }
    return ExitOk;
}

} // namespace Deck::Cli
