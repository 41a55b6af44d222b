// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli remote: the inventory of hosts the case pulls archives from over SSH (`pull`). `hosts` lists the
// hosts whose archives are in the case; `remote` the hosts to fetch them from.
//   remote list | remote add NAME --address A --user U --outbox PATH [--port N] [--key FILE | --agent] [--jump NAME]
//   remote edit NAME [same options, each replaces one field; --rename NEW] | remote remove NAME
#include "clicommon.h"
#include "remotehoststore.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace Deck::Pull;

namespace Deck::Cli {

namespace {

QJsonObject remoteJson(const RemoteHost &h)
{
    return {{u"name"_s, h.name},
            {u"address"_s, h.address},
            {u"port"_s, h.port},
            {u"user"_s, h.user},
            {u"auth"_s, h.keyFile.isEmpty() ? u"agent"_s : u"key"_s},
            {u"key_file"_s, h.keyFile},
            {u"outbox"_s, h.outbox},
            {u"jump_host"_s, h.jumpHost},
            {u"updated_ts"_s, QString::number(h.updatedTs)}};
}

int listRemotes(RemoteHostStore &store, bool json)
{
    auto hosts = store.list();
    if (!hosts) {
        printError(hosts.error().message);
        return ExitUsage;
    }
    if (json) {
        for (const RemoteHost &h : std::as_const(*hosts))
            printJson(remoteJson(h));
        return ExitOk;
    }
    printOut(u"%1 %2 %3 %4  %5\n"_s.arg(u"NAME"_s, -20)
                 .arg(u"LOGIN"_s, -36)
                 .arg(u"AUTH"_s, -30)
                 .arg(u"OUTBOX"_s, -30)
                 .arg(u"JUMP"_s));
    for (const RemoteHost &h : std::as_const(*hosts))
        printOut(u"%1 %2 %3 %4  %5\n"_s.arg(h.name, -20)
                     .arg(u"%1@%2:%3"_s.arg(h.user, h.address).arg(h.port), -36)
                     .arg(h.keyFile.isEmpty() ? u"ssh-agent"_s : h.keyFile, -30)
                     .arg(h.outbox, -30)
                     .arg(h.jumpHost.isEmpty() ? u"-"_s : h.jumpHost));
    return ExitOk;
}

} // namespace

int runRemote(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The hosts this case pulls archives from over SSH ('flightdeck-cli pull'), stored in the case:\n"
        "  remote list\n"
        "  remote add NAME --address HOST --user USER --outbox PATH [--port N] [--key FILE | --agent] [--jump NAME]\n"
        "  remote edit NAME [--address ...] [--user ...] [--outbox ...] [--port ...] [--key FILE | --agent]\n"
        "                   [--jump NAME | --no-jump] [--rename NEW]\n"
        "  remote remove NAME\n"
        "Authentication is by a private key file (its passphrase is asked for when pulling) or by ssh-agent;\n"
        "no password is stored. 'hosts' lists the hosts whose archives are in the case."_s);
    const QCommandLineOption address(u"address"_s, u"Host name or IP address."_s, u"HOST"_s);
    const QCommandLineOption port(u"port"_s, u"SSH port (default 22)."_s, u"N"_s);
    const QCommandLineOption user(u"user"_s, u"The pull account on the host."_s, u"USER"_s);
    const QCommandLineOption key(u"key"_s, u"Private key file (OpenSSH format)."_s, u"FILE"_s);
    const QCommandLineOption agent(u"agent"_s, u"Authenticate with the keys of ssh-agent (SSH_AUTH_SOCK)."_s);
    const QCommandLineOption outbox(u"outbox"_s, u"The collector's outbox on the host (absolute path)."_s, u"PATH"_s);
    const QCommandLineOption jump(
        u"jump"_s, u"Connect through this other remote host (one hop; its own key and login)."_s, u"NAME"_s);
    const QCommandLineOption noJump(u"no-jump"_s, u"Connect directly (edit)."_s);
    const QCommandLineOption rename(u"rename"_s, u"New name (edit)."_s, u"NEW"_s);
    parser.addOptions({address, port, user, key, agent, outbox, jump, noJump, rename});
    parser.addPositionalArgument(u"ACTION"_s, u"list, add, edit or remove."_s, u"ACTION [NAME]"_s);
    if (auto end = parseCommand(parser, arguments, global, 1, 2))
        return *end;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.constFirst();
    const QString name = positional.value(1);
    const bool list = action == "list"_L1;
    if (!list && action != "add"_L1 && action != "edit"_L1 && action != "remove"_L1) {
        printError(u"remote: unknown action '%1': use list, add, edit or remove"_s.arg(action));
        return ExitUsage;
    }
    if (list != name.isEmpty()) {
        printError(list ? u"remote list: takes no name"_s : u"remote %1: give the remote host's name"_s.arg(action));
        return ExitUsage;
    }
    if (parser.isSet(key) && parser.isSet(agent)) {
        printError(u"remote %1: give --key or --agent, not both"_s.arg(action));
        return ExitUsage;
    }
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    RemoteHostStore store(*db);
    if (list)
        return listRemotes(store, global.json);
    if (action == "remove"_L1) {
        if (auto removed = store.remove(name); !removed) {
            printError(removed.error().message);
            return ExitUsage;
        }
        printOut(u"remote host %1 removed (what was pulled from it stays in the case)\n"_s.arg(name));
        return ExitOk;
    }

    RemoteHost host;
    if (action == "edit"_L1) {
        auto existing = store.get(name);
        if (!existing) {
            printError(existing.error().message);
            return ExitUsage;
        }
        host = *existing;
        host.name = parser.isSet(rename) ? parser.value(rename) : name;
    } else {
        for (const auto *required : {&address, &user, &outbox}) {
            if (!parser.isSet(*required)) {
                printError(u"remote add %1: --%2 is required"_s.arg(name, required->names().constFirst()));
                return ExitUsage;
            }
        }
        host.name = name;
    }
    if (parser.isSet(address))
        host.address = parser.value(address);
    if (parser.isSet(user))
        host.user = parser.value(user);
    if (parser.isSet(outbox))
        host.outbox = parser.value(outbox);
    if (parser.isSet(port)) {
        bool ok = false;
        host.port = parser.value(port).toInt(&ok);
        if (!ok)
            host.port = -1;
    }
    if (parser.isSet(key))
        host.keyFile = QFileInfo(parser.value(key)).absoluteFilePath();
    if (parser.isSet(agent))
        host.keyFile.clear();
    if (parser.isSet(jump))
        host.jumpHost = parser.value(jump);
    if (parser.isSet(noJump))
        host.jumpHost.clear();
    auto stored = action == "add"_L1 ? store.add(host) : store.update(name, host);
    if (!stored) {
        printError(stored.error().message);
        return ExitUsage;
    }
    if (global.json)
        printJson(remoteJson(*stored));
    else
        printOut(u"remote host %1 %2: %3@%4:%5, outbox %6, %7\n"_s
                     .arg(stored->name, action == "add"_L1 ? u"added"_s : u"changed"_s)
                     .arg(stored->user, stored->address)
                     .arg(stored->port)
                     .arg(stored->outbox, stored->keyFile.isEmpty() ? u"ssh-agent"_s : stored->keyFile));
    return ExitOk;
}

} // namespace Deck::Cli
