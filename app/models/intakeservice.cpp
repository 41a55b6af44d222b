// SPDX-License-Identifier: GPL-3.0-or-later
#include "intakeservice.h"

#include "queryresult.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::Pull;

namespace Deck::Models {

namespace {
const auto kInboxesKey = u"intake/inboxes"_s; // case name -> inbox folder
}

struct IntakeService::InboxSlot
{
    InboxWatcher *watcher = nullptr;
    std::shared_ptr<std::atomic<bool>> cancel; // the watcher's cancel flag lives as long as the watcher
};

IntakeService::IntakeService(CaseSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_inbox(std::make_shared<InboxSlot>())
{
    connect(&m_session, &CaseSession::opened, this, &IntakeService::caseOpened);
    connect(&m_session, &CaseSession::aboutToClose, this, &IntakeService::caseClosed);
    // A case key given while the inbox is watched: watched again with it (archives that failed without it retried).
    connect(&m_session, &CaseSession::caseKeyChanged, this, [this] {
        if (m_writer && m_inboxStatus.watching)
            watchInbox(m_inboxStatus.dir);
    });
    if (m_session.isOpen())
        caseOpened();
}

IntakeService::~IntakeService()
{
    caseClosed();
}

void IntakeService::caseOpened()
{
    caseClosed();
    m_writer = m_session.writer();
    const QString dir = QSettings().value(kInboxesKey).toMap().value(m_session.name()).toString();
    if (!dir.isEmpty())
        watchInbox(dir);
}

void IntakeService::caseClosed()
{
    if (!m_writer)
        return;
    const bool watching = m_inboxStatus.watching;
    endInbox();
    // The watcher holds the writer's connection: it goes first, on its thread. Jobs still queued were cancelled by
    // their dialogs (modal, gone before a case can close), so this waits for little.
    m_writer->run([](Database &) {}).waitForFinished();
    m_writer = nullptr;
    m_inboxStatus = {};
    if (watching)
        Q_EMIT inboxChanged(m_inboxStatus);
}

QString IntakeService::besideCase(const QString &suffix) const
{
    if (!m_session.isOpen())
        return {};
    if (!m_session.location().startsWith(u"postgres"_s))
        return QFileInfo(m_session.location()).absoluteFilePath() + suffix;
    // One server, many workstations: each keeps its own, per case.
    QString name = m_session.name();
    name.replace(QRegularExpression(u"[^A-Za-z0-9._-]"_s), u"_"_s);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"pull/"_s + name + suffix);
}

QString IntakeService::knownHostsFile() const
{
    return besideCase(u".known_hosts"_s);
}

QString IntakeService::downloadDir() const
{
    return besideCase(u".pulled"_s);
}

void IntakeService::watchInbox(const QString &dir, int settleMs)
{
    endInbox();
    if (!m_writer) {
        Q_EMIT inboxFailed(tr("No case is open: open a case before watching an inbox."));
        return;
    }
    const int generation = ++m_generation;
    m_inboxCancel = std::make_shared<std::atomic<bool>>(false);
    InboxOptions options;
    options.dir = QFileInfo(dir).absoluteFilePath();
    options.settleMs = settleMs;
    options.import = m_session.importOptions();
    whenDone(
        *m_writer, this,
        [this, slot = m_inbox, cancel = m_inboxCancel, options, generation](Database &db) -> QString {
            auto *watcher = new InboxWatcher(db, options);
            watcher->setCancelFlag(cancel.get());
            // Queued to the GUI thread; a stopped watcher's late reports are dropped by the generation.
            connect(watcher, &InboxWatcher::archiveDone, this, [this, generation](const ImportOutcome &outcome) {
                if (generation == m_generation)
                    Q_EMIT inboxArchiveDone(outcome);
            });
            connect(watcher, &InboxWatcher::statusChanged, this, [this, generation](const InboxStatus &status) {
                if (generation != m_generation)
                    return;
                m_inboxStatus = status;
                Q_EMIT inboxChanged(status);
            });
            if (auto started = watcher->start(); !started) {
                delete watcher;
                return started.error().message;
            }
            slot->watcher = watcher;
            slot->cancel = cancel;
            return {};
        },
        [this, generation, dir = options.dir](const QString &error) {
            if (generation != m_generation)
                return;
            if (!error.isEmpty()) {
                Q_EMIT inboxFailed(error);
                return;
            }
            QSettings settings;
            QVariantMap inboxes = settings.value(kInboxesKey).toMap();
            inboxes.insert(m_session.name(), dir);
            settings.setValue(kInboxesKey, inboxes);
        });
}

void IntakeService::stopInbox()
{
    endInbox();
    QSettings settings;
    QVariantMap inboxes = settings.value(kInboxesKey).toMap();
    if (inboxes.remove(m_session.name()) > 0)
        settings.setValue(kInboxesKey, inboxes);
}

void IntakeService::endInbox()
{
    ++m_generation;
    if (m_inboxCancel)
        m_inboxCancel->store(true);
    m_inboxCancel.reset();
    if (m_writer) {
        (void)m_writer->run([slot = m_inbox](Database &) {
            delete slot->watcher;
            slot->watcher = nullptr;
            slot->cancel.reset();
        });
    }
    if (m_inboxStatus.watching) {
        m_inboxStatus.watching = false;
        Q_EMIT inboxChanged(m_inboxStatus);
    }
}

} // namespace Deck::Models
