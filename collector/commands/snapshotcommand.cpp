// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec snapshot: a one-shot, signed triage archive of the host's current state. It continues the signing
// key's hash chain, so a snapshot taken beside the daemon never forks it.
#include "archivewriter.h"
#include "chainstate.h"
#include "command.h"
#include "hostinfo.h"
#include "integritycheck.h"
#include "processsnapshot.h"
#include "recorder.h"
#include "socketdiag.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Flight::Commands {

namespace {

Event now(EventBody body)
{
    return {Capture::realtimeNs(), Capture::boottimeNs(), std::move(body)};
}

// The live state: processes, open sockets with their owners, every integrity check. What could not be read is said
// in `backends`, so the workstation can show it; file accesses are events over time, which a snapshot has none of.
QList<Event> liveState(QList<Backend> &backends, qint64 &processCount)
{
    QList<Event> events;
    const Capture::ProcessSnapshot processes = Capture::snapshotProcesses(Recorder::processReadOptions({}));
    processCount = processes.events.size();
    events += processes.events;
    if (processes.vanished > 0)
        events.append(now(RecorderLoss{u"proc.snapshot"_s,
                                       processes.vanished,
                                       LossUnit::Events,
                                       u"processes exited while the snapshot was read"_s,
                                       {},
                                       {},
                                       {},
                                       {}}));
    backends = {{u"proc"_s, u"procfs"_s, false, {}},
                {u"file"_s, u"none"_s, true, u"file accesses happen over time; a snapshot records none"_s}};
    if (auto sockets = Capture::takeSocketSnapshot(::getpid()); sockets) {
        events += *sockets;
        backends.append({u"net"_s, u"sockdiag"_s, false, {}});
    } else {
        backends.append({u"net"_s, u"none"_s, true, sockets.error().message});
    }
    QStringList failed;
    for (const auto &check : Integrity::makeChecks({})) {
        if (auto items = check->observe(); items)
            events.append(now(StateSnapshot{check->name(), *items}));
        else
            failed.append(u"%1: %2"_s.arg(check->name(), items.error().message));
    }
    backends.append({u"integrity"_s, u"checks"_s, !failed.isEmpty(), failed.join(u"; "_s)});
    return events;
}

} // namespace

int runSnapshot(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Write a signed triage archive of this host's live processes to FILE (it must not exist). The archive\n"
        "continues the key's hash chain (state in KEY.chain): processes, open sockets with their owners and the\n"
        "integrity state (packages, modules, BPF programs, watched files, logins, accounts, listeners). Needs root\n"
        "to see every process's details."_s);
    const QCommandLineOption out(u"out"_s, u"The archive to write."_s, u"FILE"_s);
    const QCommandLineOption key(u"key"_s, u"Signing key (default %1)."_s.arg(defaultKeyPath()), u"FILE"_s,
                                 defaultKeyPath());
    const QCommandLineOption recipient(u"recipient"_s, u"Encrypt the events to this X25519 public key (x25519:...)."_s,
                                       u"KEY"_s);
    parser.addOptions({out, key, recipient});
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;
    if (!parser.isSet(out)) {
        printError(u"snapshot: --out FILE is required"_s);
        return ExitUsage;
    }
    const QString path = parser.value(out);

    auto signingKey = SigningKey::load(parser.value(key));
    if (!signingKey) {
        printError(signingKey.error().message
                   + u" (create one with 'flightrec keygen --key %1')"_s.arg(parser.value(key)));
        return ExitUsage;
    }
    WriterOptions options;
    if (parser.isSet(recipient)) {
        auto recipientKey = RecipientKey::fromText(parser.value(recipient));
        if (!recipientKey) {
            printError(u"snapshot: --recipient: "_s + recipientKey.error().message);
            return ExitUsage;
        }
        options.recipient = *recipientKey;
    }
    auto host = Capture::readHostInfo();
    if (!host) {
        printError(host.error().message);
        return ExitUsage;
    }
    auto chain = Recorder::ChainState::acquire(parser.value(key));
    if (!chain) {
        printError(chain.error().message);
        return ExitUsage;
    }

    if (QFileInfo::exists(path)) { // before seconds of reading the host
        printError(u"%1: already exists"_s.arg(path));
        return ExitUsage;
    }
    QList<Backend> backends;
    qint64 processCount = 0;
    const QList<Event> state = liveState(backends, processCount);
    ArchiveHeader header;
    header.seq = chain->lastSeq() + 1;
    header.prevDigest = chain->lastDigest();
    header.host = *host;
    header.collector = {QCoreApplication::applicationVersion(), QString(), backends, {}};
    ArchiveWriter writer(path, *signingKey, header, options);
    if (auto opened = writer.open(); !opened) {
        printError(opened.error().message);
        return ExitUsage;
    }
    QList<Event> events{now(RecorderStart{QCoreApplication::applicationVersion(), ::getpid(), backends})};
    events += state;
    events.append(now(RecorderStop{u"snapshot"_s}));
    for (const Event &event : std::as_const(events)) {
        if (auto appended = writer.append(event); !appended) {
            printError(appended.error().message);
            return ExitUsage;
        }
    }
    auto sealed = writer.finish();
    if (!sealed) {
        printError(sealed.error().message);
        return ExitUsage;
    }
    if (auto advanced = chain->advance(sealed->manifest.seq, sealed->digest); !advanced) {
        printError(advanced.error().message + u" (the archive was written; the next one will fork the chain)"_s);
        return ExitUsage;
    }
    printOut(u"%1: %2 processes, seq %3, digest %4\n"_s.arg(sealed->path)
                 .arg(processCount)
                 .arg(sealed->manifest.seq)
                 .arg(sealed->digest));
    return ExitOk;
}

} // namespace Flight::Commands
