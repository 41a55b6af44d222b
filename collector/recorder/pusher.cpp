// SPDX-License-Identifier: GPL-3.0-or-later
#include "pusher.h"

#include "retention.h"
#include "securefile.h"
#include "sftpinbox.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

namespace {

QString localUserName()
{
    if (const passwd *entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return QString::fromLocal8Bit(qgetenv("USER"));
}

// The sealed archives of the outbox in sequence order (a .part is still being written and is left alone).
QStringList sealedArchives(const QString &outbox)
{
    QStringList names = QDir(outbox).entryList({u"*.frec"_s}, QDir::Files | QDir::NoSymLinks);
    std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return sequenceFromName(a).value_or(-1) < sequenceFromName(b).value_or(-1);
    });
    return names;
}

} // namespace

PushReport pushOutbox(const QString &outbox, const PushDestination &destination, const PushSettings &settings,
                      const std::function<void(const QString &, qint64, qint64)> &progress)
{
    PushReport report;
    QStringList archives = sealedArchives(outbox);
    report.remaining = int(archives.size());
    if (archives.isEmpty())
        return report;

    SshPull::SshTarget target;
    target.name = destination.display();
    target.address = destination.host;
    target.port = destination.port;
    target.user = destination.user.isEmpty() ? localUserName() : destination.user;
    target.keyFile = settings.keyFile;
    SshPull::SessionPolicy policy;
    policy.knownHostsFile = settings.knownHostsFile;
    policy.acceptedNewFingerprints = settings.acceptedNewFingerprints;
    policy.timeoutMs = settings.timeoutMs;
    policy.cancel = settings.cancel;
    auto session = SshPull::SshSession::open(target, policy);
    if (!session) {
        report.failure = session.error();
        return report;
    }
    SshPull::SftpInbox inbox(**session, destination.path);
    for (const QString &name : std::as_const(archives)) {
        if (settings.cancel && settings.cancel->load()) {
            report.failure
                = Error{u"%1: cancelled with %2 archives left to push"_s.arg(target.name).arg(report.remaining)};
            break;
        }
        const QString local = QDir(outbox).filePath(name);
        auto put = inbox.put(local, name, [&](qint64 done, qint64 total) {
            if (progress)
                progress(name, done, total);
        });
        if (!put) {
            report.failure = put.error();
            break;
        }
        // Delivered: the server holds every byte under the final name. Only now does the local copy go.
        if (!QFile::remove(local)) {
            report.failure = Error{u"%1: pushed, but cannot delete the local copy %2"_s.arg(target.name, local)};
            break;
        }
        Format::syncParentDirectory(local);
        put->alreadyThere ? ++report.alreadyThere : ++report.pushed;
        report.bytes += put->sent;
        --report.remaining;
    }
    return report;
}

qint64 pushRetryDelaySeconds(int failures, qint64 interval)
{
    if (failures <= 0)
        return interval;
    constexpr qint64 kFirstRetry = 10;
    const int doublings = std::min(failures - 1, 20);
    return std::min(interval, kFirstRetry << doublings);
}

} // namespace Flight::Recorder
