// SPDX-License-Identifier: GPL-3.0-or-later
#include "processdetailwidget.h"

#include "accountnames.h"
#include "bytetext.h"
#include "processtext.h"

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Deck::Gui {

using Models::ProcessText;

namespace {

enum ItemRole { PathRole = Qt::UserRole + 1, AddressRole, PortRole, ProcessRole, HostRole };

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->header()->setStretchLastSection(true);
    return list;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &html)
{
    return QStringLiteral("<tr><td style='color:#606060; padding-right:10px; white-space:nowrap' valign='top'>%1</td>"
                          "<td>%2</td></tr>")
        .arg(escaped(label), html);
}

QString muted(const QString &text)
{
    return QStringLiteral("<span style='color:#808080'>%1</span>").arg(escaped(text));
}

QString optionalId(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QStringLiteral("?");
}

// A user or group id with its name on the host then ("staff (50)"), the number alone when the name is not known.
QString idText(const std::optional<qint64> &id, const QString &name)
{
    return id ? Core::userText(*id, name) : optionalId(id);
}

} // namespace

ProcessDetailWidget::ProcessDetailWidget(Models::CaseSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_summary(new QTextBrowser(this))
    , m_tabs(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(4, 4, 4, 2);
    m_summary->setOpenLinks(false);
    m_files = makeList({tr("Time (UTC)"), tr("Operation"), tr("Path"), tr("Count")}, this);
    m_connections = makeList({tr("Time (UTC)"), tr("Operation"), tr("Protocol"), tr("Local"), tr("Remote")}, this);
    m_children = makeList({tr("PID"), tr("Process"), tr("Started (UTC)"), tr("Exit")}, this);
    m_tabs->addTab(m_files, tr("Files"));
    m_tabs->addTab(m_connections, tr("Connections"));
    m_tabs->addTab(m_children, tr("Children"));
    m_files->setToolTip(tr("Double-click or Enter: select the path in every view"));
    m_connections->setToolTip(tr("Double-click or Enter: select the remote endpoint in every view"));
    m_children->setToolTip(tr("Double-click or Enter: select the child process"));
    layout->addWidget(m_title);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_tabs, 1);

    connect(m_files, &QTreeWidget::itemActivated, this, &ProcessDetailWidget::activateFile);
    connect(m_connections, &QTreeWidget::itemActivated, this, &ProcessDetailWidget::activateConnection);
    connect(m_children, &QTreeWidget::itemActivated, this, &ProcessDetailWidget::activateChild);
    connect(&m_loading, &QFutureWatcher<Loaded>::finished, this, [this] {
        if (m_loading.future().resultCount() == 0)
            return;
        const Loaded result = m_loading.result();
        if (!result)
            showMessage(tr("Cannot show the process"), result.error().message);
        else
            showDetail(*result);
    });
    connect(&session, &Models::CaseSession::closed, this, [this] { showProcess(std::nullopt); });
    showProcess(std::nullopt);
}

ProcessDetailWidget::~ProcessDetailWidget()
{
    m_loading.cancel();
    m_loading.waitForFinished();
}

void ProcessDetailWidget::showProcess(std::optional<qint64> processId)
{
    m_loading.cancel();
    m_shown = processId;
    if (!processId || !m_session.isOpen()) {
        showMessage(tr("No process selected"),
                    tr("Select a process in the tree, or find one by name or command line (Ctrl+F), to see its "
                       "command line, user, working directory, executable, environment and what it did."));
        return;
    }
    showMessage(tr("Loading process #%1...").arg(*processId), QString());
    const qint64 id = *processId;
    m_loading.setFuture(
        m_session.worker().run([id](Core::Database &db) { return Models::ProcessDetail::load(db, id); }));
}

void ProcessDetailWidget::showMessage(const QString &title, const QString &text)
{
    m_title->setText(title);
    m_summary->setHtml(muted(text));
    for (auto *list : {m_files, m_connections, m_children})
        list->clear();
    m_tabs->setVisible(false); // until a process is shown: the message stands alone
    m_tabs->setTabText(0, tr("Files"));
    m_tabs->setTabText(1, tr("Connections"));
    m_tabs->setTabText(2, tr("Children"));
}

void ProcessDetailWidget::showDetail(const Models::ProcessDetail &detail)
{
    const Core::ProcessRow &process = detail.activity.process;
    m_title->setText(tr("%1 (pid %2)").arg(ProcessText::name(process)).arg(process.pid));
    m_summary->setHtml(processSummaryHtml(detail));
    fillLists(detail);
    m_tabs->setVisible(true);
    Q_EMIT loaded(process.id);
}

void ProcessDetailWidget::fillLists(const Models::ProcessDetail &detail)
{
    const Core::ProcessActivity &activity = detail.activity;
    const auto count = [&detail](qsizetype n) { return n >= detail.limit ? tr("%1+").arg(n) : QString::number(n); };
    QList<QTreeWidgetItem *> items;
    for (const Core::FileEventRow &file : activity.files) {
        QString path = Core::displayBytes(file.path);
        if (!file.toPath.isEmpty())
            path += tr(" -> %1").arg(Core::displayBytes(file.toPath));
        auto *item = new QTreeWidgetItem({ProcessText::time(file.ts), file.op, path, QString::number(file.count)});
        item->setData(0, PathRole, file.path);
        item->setToolTip(2, ProcessText::toolTip(path));
        items.append(item);
    }
    m_files->clear();
    m_files->addTopLevelItems(items);
    items.clear();
    for (const Core::NetEventRow &net : activity.connections) {
        const QString local = QStringLiteral("%1:%2").arg(net.laddr).arg(net.lport);
        const QString remote
            = net.raddr.isEmpty() ? QString() : QStringLiteral("%1:%2").arg(net.raddr, optionalId(net.rport));
        auto *item = new QTreeWidgetItem({ProcessText::time(net.ts), net.op, net.proto, local, remote});
        item->setData(0, AddressRole, net.raddr.isEmpty() ? net.laddr : net.raddr);
        item->setData(0, PortRole,
                      net.raddr.isEmpty() ? QVariant(net.lport)
                          : net.rport     ? QVariant(*net.rport)
                                          : QVariant());
        items.append(item);
    }
    m_connections->clear();
    m_connections->addTopLevelItems(items);
    items.clear();
    for (const Core::ProcessRow &child : activity.children) {
        auto *item = new QTreeWidgetItem({QString::number(child.pid), ProcessText::name(child),
                                          ProcessText::time(child.startTs), ProcessText::exit(child)});
        item->setData(0, ProcessRole, child.id);
        item->setData(0, HostRole, child.hostId);
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        items.append(item);
    }
    m_children->clear();
    m_children->addTopLevelItems(items);
    m_tabs->setTabText(0, tr("Files (%1)").arg(count(activity.files.size())));
    m_tabs->setTabText(1, tr("Connections (%1)").arg(count(activity.connections.size())));
    m_tabs->setTabText(2, tr("Children (%1)").arg(count(activity.children.size())));
    for (auto *list : {m_files, m_connections, m_children}) {
        for (int c = 0; c + 1 < list->columnCount(); ++c)
            list->resizeColumnToContents(c);
    }
}

void ProcessDetailWidget::activateFile(QTreeWidgetItem *item)
{
    m_session.selection().setPath(item->data(0, PathRole).toByteArray());
}

void ProcessDetailWidget::activateConnection(QTreeWidgetItem *item)
{
    const QVariant port = item->data(0, PortRole);
    m_session.selection().setEndpoint(Models::Endpoint{
        item->data(0, AddressRole).toString(), port.isNull() ? std::nullopt : std::optional(port.toLongLong())});
}

void ProcessDetailWidget::activateChild(QTreeWidgetItem *item)
{
    m_session.selection().setProcess(item->data(0, ProcessRole).toLongLong(), item->data(0, HostRole).toLongLong());
}

QString processSummaryHtml(const Models::ProcessDetail &detail)
{
    const Core::ProcessRow &p = detail.activity.process;
    const Core::ProcessImageRow &image = detail.image;
    const auto notRecorded = [] { return muted(ProcessDetailWidget::tr("not recorded")); };
    const auto bytes = [&](const QByteArray &value) {
        return value.isEmpty() ? notRecorded()
                               : QStringLiteral("<code>%1</code>").arg(escaped(Core::displayBytes(value)));
    };
    QString html = QStringLiteral("<table cellspacing='2'>");
    html += row(ProcessDetailWidget::tr("PID"), QString::number(p.pid));
    html += row(ProcessDetailWidget::tr("Started"), escaped(ProcessText::time(p.startTs) + QStringLiteral(" UTC")));
    QString ended = escaped(ProcessText::exit(p));
    if (p.exitTs)
        ended += escaped(ProcessDetailWidget::tr(" at %1 UTC").arg(ProcessText::time(*p.exitTs)));
    if (image.exitCore)
        ended += escaped(ProcessDetailWidget::tr(", core dumped"));
    if (!p.exitTs && p.lastTs)
        ended += muted(
            ProcessDetailWidget::tr(" (no exit recorded; last seen %1 UTC)").arg(ProcessText::time(*p.lastTs)));
    html += row(ProcessDetailWidget::tr("Exit"), ended);
    if (detail.parent)
        html += row(
            ProcessDetailWidget::tr("Parent"),
            escaped(
                ProcessDetailWidget::tr("%1 (pid %2)").arg(ProcessText::name(*detail.parent)).arg(detail.parent->pid)));
    else
        html += row(ProcessDetailWidget::tr("Parent"),
                    muted(ProcessText::chainEnd(p).isEmpty() ? ProcessDetailWidget::tr("none (pid 0)")
                                                             : ProcessText::chainEnd(p)));
    html += row(
        ProcessDetailWidget::tr("User"),
        escaped(ProcessDetailWidget::tr("uid %1, euid %2, gid %3, egid %4")
                    .arg(p.uid ? Core::userText(*p.uid, p.userName) : optionalId(p.uid),
                         idText(image.euid, image.euidName), idText(image.gid, image.gidName),
                         idText(image.egid, image.egidName))));
    if (image.loginuid || image.sessionid || !image.tty.isEmpty())
        html += row(
            ProcessDetailWidget::tr("Login"),
            escaped(ProcessDetailWidget::tr("login uid %1, session %2, tty %3")
                        .arg(optionalId(image.loginuid), optionalId(image.sessionid),
                             image.tty.isEmpty() ? QStringLiteral("-") : Core::displayBytes(image.tty.toUtf8()))));
    html += row(ProcessDetailWidget::tr("Executable"), bytes(p.exe));
    html
        += row(ProcessDetailWidget::tr("Exe digest"),
               image.exeDigest.isEmpty() ? muted(ProcessDetailWidget::tr("not recorded (not proved by the collector)"))
                                         : QStringLiteral("<code>BLAKE2b-256 %1</code>").arg(escaped(image.exeDigest)));
    html += row(ProcessDetailWidget::tr("Working dir"), bytes(p.cwd));
    QString argv;
    const QList<QByteArray> elements = Core::argvElements(p.argv);
    for (qsizetype i = 0; i < elements.size(); ++i)
        argv += QStringLiteral("<tr><td style='color:#808080; padding-right:6px' align='right'>[%1]</td>"
                               "<td><code>%2</code></td></tr>")
                    .arg(i)
                    .arg(elements[i].isEmpty() ? muted(ProcessDetailWidget::tr("(empty)"))
                                               : escaped(Core::displayBytes(elements[i])));
    if (image.argvTruncated)
        argv += QStringLiteral("<tr><td></td><td>%1</td></tr>")
                    .arg(muted(ProcessDetailWidget::tr("(cut: the kernel's argument area was longer)")));
    html += row(ProcessDetailWidget::tr("Arguments"),
                elements.isEmpty() && !image.argvTruncated
                    ? notRecorded()
                    : QStringLiteral("<table cellspacing='0'>%1</table>").arg(argv));
    QString env;
    for (const auto &[name, value] : image.env)
        env += QStringLiteral("<code>%1=%2</code><br>")
                   .arg(escaped(Core::displayBytes(name.toUtf8())), escaped(Core::displayBytes(value)));
    html += row(ProcessDetailWidget::tr("Environment"),
                env.isEmpty() ? muted(ProcessDetailWidget::tr("none recorded (only allow-listed variables are kept)"))
                              : env);
    if (!image.cgroup.isEmpty())
        html += row(ProcessDetailWidget::tr("Cgroup"), bytes(image.cgroup));
    if (image.imageTs)
        html += row(
            ProcessDetailWidget::tr("Image from"),
            muted(ProcessDetailWidget::tr("%1 at %2 UTC").arg(image.imageKind, ProcessText::time(*image.imageTs))));
    if (detail.activity.truncated)
        html
            += row(QString(), muted(ProcessDetailWidget::tr("Lists below are cut at %1 rows each.").arg(detail.limit)));
    return html + QStringLiteral("</table>");
}

} // namespace Deck::Gui
