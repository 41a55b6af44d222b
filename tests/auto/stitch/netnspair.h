// SPDX-License-Identifier: GPL-3.0-or-later
// Two network namespaces joined by a veth pair, for live tests of two "hosts" on one kernel: namespace A has
// addressA, namespace B addressB (one /24), each its loopback up. run() starts a program inside one of them; a
// collector started through collectorWrapper() also gets its own hostname (UTS namespace) and /etc/machine-id
// (a bind mount in the mount namespace `ip netns exec` makes), so the two archives are two hosts. Removed when
// destroyed. Needs root and ip(8). Test code only.
#pragma once

#include <QString>
#include <QStringList>

namespace Deck::TestSupport {

class NetnsPair
{
public:
    NetnsPair();
    ~NetnsPair();
    NetnsPair(const NetnsPair &) = delete;
    NetnsPair &operator=(const NetnsPair &) = delete;

    // Empty on success, else what failed (with ip's output).
    QString create();

    QString nameA() const { return m_name + u"-a"; }
    QString nameB() const { return m_name + u"-b"; }
    QString addressA() const { return m_prefix + u".1"; }
    QString addressB() const { return m_prefix + u".2"; }

    // The command line that runs `argv` inside namespace `ns`.
    static QStringList inNamespace(const QString &ns, const QStringList &argv);
    // Writes an executable script at `path` that runs `program` with its arguments inside `ns` under `hostname`
    // and the machine id `machineId` (32 hex digits); empty on success, else why not.
    static QString writeCollectorWrapper(const QString &path, const QString &ns, const QString &hostname,
                                         const QString &machineId, const QString &program);

private:
    QString m_name;
    QString m_prefix; // "10.N.M"
    bool m_created = false;
};

} // namespace Deck::TestSupport
