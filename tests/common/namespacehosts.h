// SPDX-License-Identifier: GPL-3.0-or-later
// Two "hosts" on one kernel for live tests (collector scope, cross-host stitching): each is a set of new pid, net,
// mount and UTS namespaces made by unshare(1), with its own /proc, its own /etc/machine-id (a file of its directory
// bind-mounted over it), its own hostname, and one end of a veth pair named eth0 with its own IPv4 address. Commands
// run inside with nsenter(1): runIn() to the end, or QProcess::start(u"nsenter"_s, host.nsenter(argv)) for a
// daemon. Destroying a host kills its pid namespace (and so every process in it); the veth pair goes with the
// network namespaces. Needs root, unshare, nsenter and ip (iproute2); start() says which is missing.
#pragma once

#include "programrun.h"

#include <QProcess>

namespace Flight::TestSupport {

class NamespaceHost
{
public:
    // `directory` holds the host's machine-id file; it must exist. `address` is IPv4 with a prefix ("10.231.0.1/24").
    NamespaceHost(QString name, QString address, QString directory);
    ~NamespaceHost();
    NamespaceHost(const NamespaceHost &) = delete;
    NamespaceHost &operator=(const NamespaceHost &) = delete;

    // Creates the namespaces and waits until /etc/machine-id, the hostname and lo are set; false with the reason.
    bool start(QString *why);

    QString name() const { return m_name; }
    QString address() const { return m_address.section(u'/', 0, 0); } // without the prefix
    QString machineId() const { return m_machineId; }
    // The global pid of the namespace's init (pid 1 inside): nsenter's target.
    qint64 initPid() const { return m_initPid; }

    // nsenter's arguments that run `argv` inside all four namespaces (the program becomes a member of the pid
    // namespace: nsenter forks it, so signal the program, not nsenter — see childOf()).
    QStringList nsenter(const QStringList &argv) const;
    // Runs `argv` inside to its end.
    ProgramRun runIn(const QStringList &argv, const QString &input = {}) const;

private:
    friend class NamespacePair;
    QString m_name, m_address, m_directory, m_machineId;
    QProcess m_unshare; // in the new namespaces but for pid (its child is pid 1 there)
    qint64 m_initPid = 0;
};

// Hosts "flight-a" (10.231.0.1) and "flight-b" (10.231.0.2), joined by a veth pair: each reaches the other's
// address and nothing else.
class NamespacePair
{
public:
    explicit NamespacePair(const QString &directory); // makes directory/a and directory/b
    bool start(QString *why);

    NamespaceHost a, b;
};

// The only child of `pid` (a launcher such as nsenter that forked the real program), or 0.
qint64 childOf(qint64 pid);

} // namespace Flight::TestSupport
