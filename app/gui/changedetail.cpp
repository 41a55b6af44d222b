// SPDX-License-Identifier: GPL-3.0-or-later
#include "changedetail.h"

#include "integritytext.h"

#include <QColor>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Deck::Gui::ChangeDetail", text);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString coloured(const QString &text, const QVariant &colour)
{
    if (!colour.isValid())
        return u"<b>%1</b>"_s.arg(esc(text));
    return u"<b style=\"color:%1\">%2</b>"_s.arg(colour.value<QColor>().name(), esc(text));
}

QString section(const QString &title, const QList<Models::ChangeLine> &lines, Models::ChangeLine::Kind kind,
                const QString &marker)
{
    QString items;
    int count = 0;
    for (const auto &line : lines) {
        if (line.kind != kind)
            continue;
        items += u"<li>%1 %2</li>"_s.arg(marker, esc(line.text));
        ++count;
    }
    if (count == 0)
        return {};
    return u"<h4>%1 (%2)</h4><ul style=\"margin-left:0\">%3</ul>"_s.arg(esc(title)).arg(count).arg(items);
}

} // namespace

QString changeDetailHtml(const ChangeDetailFacts &facts)
{
    const Models::ChangeReadout readout = Models::readChange(facts.detail);
    QString html;
    QString heading;
    if (readout.kind == "host.kmsg"_L1)
        heading = tr("Kernel log line on %1").arg(facts.hostname);
    else if (readout.check.isEmpty())
        heading = tr("State change on %1").arg(facts.hostname);
    else
        heading = tr("%1 change on %2").arg(readout.check, facts.hostname);
    html += u"<h3>%1</h3>"_s.arg(esc(heading));
    QStringList line;
    line << esc(Models::tableTime(facts.ts) + tr(" UTC"));
    if (!facts.severity.isEmpty())
        line << tr("severity %1").arg(coloured(Models::severityText(facts.severity),
                                               Models::severityColor(facts.severity)));
    html += u"<p>%1</p>"_s.arg(line.join(u" &middot; "_s));
    if (facts.alertId) {
        QString alert = tr("Alert #%1").arg(*facts.alertId);
        if (!facts.alertTitle.isEmpty())
            alert += u" \u201c%1\u201d"_s.arg(esc(facts.alertTitle));
        alert += u": "_s + coloured(Models::triageText(facts.triage), Models::triageColor(facts.triage));
        if (!facts.triageBy.isEmpty() && facts.triageTs)
            alert += esc(tr(" (by %1 at %2 UTC)").arg(facts.triageBy, Models::tableTime(*facts.triageTs)));
        html += u"<p>%1</p>"_s.arg(alert);
    }
    if (!readout.readable) {
        html += u"<p style=\"color:#c62828\"><b>%1</b></p>"_s.arg(
            esc(tr("This stored event could not be read: %1").arg(readout.problem)));
    } else {
        using Kind = Models::ChangeLine::Kind;
        html += section(tr("Added"), readout.lines, Kind::Added, u"<span style=\"color:#2e7d32\">+</span>"_s);
        html += section(tr("Removed"), readout.lines, Kind::Removed, u"<span style=\"color:#c62828\">&minus;</span>"_s);
        html += section(tr("Changed"), readout.lines, Kind::Changed, u"<span style=\"color:#b26a00\">~</span>"_s);
        html += section(tr("Kernel log"), readout.lines, Kind::Logged, QString());
    }
    html += u"<h4>%1</h4><pre style=\"color:#555; white-space:pre-wrap\">%2</pre>"_s.arg(esc(tr("Stored event")),
                                                                    esc(Models::rawEventText(facts.detail)));
    return html;
}

} // namespace Deck::Gui
