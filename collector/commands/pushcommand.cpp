// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec push: upload the outbox's sealed archives into a workstation's (or collection server's) SFTP inbox,
// deleting each local copy only after the server holds all of it. Settings come from the config file (push_to,
// push_key, push_known_hosts, push_timeout, outbox); options override them.
#include "command.h"
#include "config.h"
#include "progressline.h"
#include "pusher.h"

#include <QDir>
#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace Flight::Commands {

namespace {

std::atomic<bool> g_cancel{false};

void requestCancel(int)
{
    g_cancel.store(true);
}

} // namespace

int runPush(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Push the sealed archives of the outbox into an SFTP inbox (uploaded as NAME.part, renamed when the server\n"
        "holds every byte; the local copy is deleted only then). Exit 0 when every archive was pushed, 2 otherwise."_s);
    const QCommandLineOption to(
        u"to"_s, u"The inbox: sftp://[user@]host[:port]/path (default: the config's push_to)."_s, u"URL"_s);
    const QCommandLineOption key(u"key"_s, u"Private key to log in with (default: the config's push_key)."_s,
                                 u"FILE"_s);
    const QCommandLineOption knownHosts(u"known-hosts"_s,
                                        u"The server's host key, OpenSSH known_hosts format (default: the config's "
                                        "push_known_hosts)."_s,
                                        u"FILE"_s);
    const QCommandLineOption accept(u"accept-new-host-key"_s,
                                    u"Trust a server not in the known_hosts file if its key has this fingerprint "
                                    "(SHA256:...); it is added to the file."_s,
                                    u"FINGERPRINT"_s);
    const QCommandLineOption outbox(u"outbox"_s, u"The archives to push (default: the config's outbox)."_s, u"DIR"_s);
    const QCommandLineOption timeout(u"timeout"_s,
                                     u"Seconds for connecting and for any stall (default: the "
                                     "config's push_timeout)."_s,
                                     u"SECS"_s);
    const QCommandLineOption config(u"config"_s, u"Config file (default %1)."_s.arg(defaultConfigPath()), u"FILE"_s);
    parser.addOptions({to, key, knownHosts, accept, outbox, timeout, config});
    if (auto end = parseArguments(parser, arguments, 0, 0))
        return *end;

    auto loaded = parser.isSet(config) ? Recorder::loadConfig(parser.value(config), true)
                                       : Recorder::loadConfig(defaultConfigPath(), false);
    if (!loaded) {
        printError(loaded.error().message);
        return ExitUsage;
    }
    if (parser.isSet(to)) {
        auto destination = Recorder::parsePushDestination(parser.value(to));
        if (!destination) {
            printError(u"push: --to: %1"_s.arg(destination.error().message));
            return ExitUsage;
        }
        loaded->pushTo = *destination;
    }
    if (!loaded->pushTo) {
        printError(u"push: no inbox: give --to sftp://user@host/path or set push_to in %1"_s.arg(
            parser.isSet(config) ? parser.value(config) : defaultConfigPath()));
        return ExitUsage;
    }
    Recorder::PushSettings settings;
    settings.keyFile = parser.isSet(key) ? parser.value(key) : loaded->pushKey;
    settings.knownHostsFile = parser.isSet(knownHosts) ? parser.value(knownHosts) : loaded->pushKnownHosts;
    if (parser.isSet(accept))
        settings.acceptedNewFingerprints = parser.values(accept);
    qint64 seconds = loaded->pushTimeoutSeconds;
    if (parser.isSet(timeout)) {
        bool ok = false;
        seconds = parser.value(timeout).toLongLong(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            printError(u"push: --timeout: '%1' is not a number of seconds from 1 to 3600"_s.arg(parser.value(timeout)));
            return ExitUsage;
        }
    }
    settings.timeoutMs = int(seconds * 1000);
    settings.cancel = &g_cancel;
    const QString dir = parser.isSet(outbox) ? QDir(parser.value(outbox)).absolutePath() : loaded->outbox;
    if (!QDir(dir).exists()) {
        printError(u"push: %1: no such directory"_s.arg(dir));
        return ExitUsage;
    }

    signal(SIGINT, requestCancel);
    signal(SIGTERM, requestCancel);
    signal(SIGPIPE, SIG_IGN);
    Format::ProgressLine progress;
    const auto report
        = Recorder::pushOutbox(dir, *loaded->pushTo, settings, [&](const QString &name, qint64 done, qint64 total) {
              progress.update(u"pushing %1"_s.arg(name), done, total);
          });
    progress.clear();
    printOut(u"pushed %1 archives (%2 bytes) to %3%4; %5 left in %6\n"_s.arg(report.pushed)
                 .arg(report.bytes)
                 .arg(loaded->pushTo->display())
                 .arg(report.alreadyThere ? u", %1 were there already"_s.arg(report.alreadyThere) : QString())
                 .arg(report.remaining)
                 .arg(dir));
    if (report.failure) {
        printError(u"push: %1"_s.arg(report.failure->message));
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace Flight::Commands
