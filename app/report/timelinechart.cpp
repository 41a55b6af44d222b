// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinechart.h"

#include "reporttext.h"

#include <QDateTime>
#include <QMap>
#include <QPainter>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Deck::Report {

namespace {

// 1, 2 or 5 times a power of ten, at least max / 4.
qint64 niceStep(qint64 max)
{
    qint64 step = 1;
    while (true) {
        for (qint64 m : {1, 2, 5}) {
            if (step * m * 4 >= max)
                return step * m;
        }
        step *= 10;
    }
}

} // namespace

TimelineChart::TimelineChart(const ReportData &data)
    : m_data(data)
{
}

QList<TimelineChart::Family> TimelineChart::families()
{
    return {{tr("processes"), QColor(0x3b, 0x6e, 0xa5)}, {tr("files"), QColor(0x5a, 0x9e, 0x4b)},
            {tr("network"), QColor(0xd0, 0x8a, 0x2e)},   {tr("integrity"), QColor(0x8e, 0x5b, 0xa8)},
            {tr("collector"), QColor(0x9a, 0x9a, 0x9a)}, {tr("loss records"), QColor(0xc6, 0x28, 0x28)}};
}

int TimelineChart::familyOf(const QString &kind)
{
    if (kind == "rec.loss"_L1)
        return 5;
    if (kind.startsWith("proc."_L1))
        return 0;
    if (kind.startsWith("file."_L1))
        return 1;
    if (kind.startsWith("net."_L1))
        return 2;
    if (kind.startsWith("state."_L1))
        return 3;
    return 4;
}

QImage TimelineChart::render(QSize size) const
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font(u"DejaVu Sans"_s);
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(10, size.height() / 26));
    p.setFont(font);
    const QFontMetrics metrics(font);
    const int line = metrics.height();

    const QList<Family> kinds = families();
    // Legend on top, one row.
    int x = line * 4;
    for (int i = 0; i < kinds.size(); ++i) {
        p.fillRect(QRect(x, line / 2, line, line), kinds[i].color);
        p.setPen(Qt::black);
        p.drawText(QPoint(x + line + line / 3, line / 2 + metrics.ascent()), kinds[i].name);
        x += line * 2 + metrics.horizontalAdvance(kinds[i].name) + line;
    }
    QBrush hatch(QColor(0x90, 0x90, 0x90), Qt::BDiagPattern);
    p.fillRect(QRect(x, line / 2, line, line), hatch);
    p.drawRect(QRect(x, line / 2, line, line));
    p.drawText(QPoint(x + line + line / 3, line / 2 + metrics.ascent()), tr("not recorded"));

    const QRect plot(line * 5, line * 3, size.width() - line * 6, size.height() - line * 6);
    if (!m_data.span || m_data.bucketNs <= 0) {
        p.drawText(plot, Qt::AlignCenter, tr("No events in the scope of this report."));
        return image;
    }
    const qint64 bucket = m_data.bucketNs;
    const qint64 first = *m_data.span->from / bucket * bucket;
    const qint64 buckets = std::max<qint64>(1, (*m_data.span->to - first) / bucket + 1);
    // Stacked counts per bucket and family (hosts of the scope added up).
    QMap<qint64, std::array<qint64, 6>> stacks;
    for (const Core::TimelineBucket &b : m_data.timeline)
        stacks[(b.start - first) / bucket][size_t(familyOf(b.kind))] += b.events;
    qint64 max = 1;
    for (const auto &stack : std::as_const(stacks))
        max = std::max(max, std::accumulate(stack.begin(), stack.end(), qint64(0)));
    const qint64 step = niceStep(max);
    const qint64 top = (max + step - 1) / step * step;
    const double barWidth = double(plot.width()) / double(buckets);
    const auto xOf = [&](qint64 ts) { return plot.left() + double(ts - first) / double(bucket) * barWidth; };

    // What the case did not see, behind the bars.
    for (const Core::HostCoverage &host : m_data.coverage) {
        const auto shade = [&](qint64 from, qint64 to) {
            const double left = std::max<double>(plot.left(), xOf(from));
            const double right = std::min<double>(plot.right(), xOf(to));
            if (right > left)
                p.fillRect(QRectF(left, plot.top(), std::max(2.0, right - left), plot.height()), hatch);
        };
        for (const Core::ChainGap &gap : host.gaps)
            shade(gap.afterTs.value_or(first), gap.beforeTs);
        for (const Core::Downtime &down : host.downtime)
            shade(down.from, down.to);
    }
    // Grid and y labels.
    p.setPen(QPen(QColor(0xd0, 0xd0, 0xd0), 1));
    for (qint64 v = 0; v <= top; v += step) {
        const double y = plot.bottom() - double(v) / double(top) * plot.height();
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.save();
        p.setPen(Qt::black);
        p.drawText(QRectF(0, y - line / 2.0, plot.left() - line / 3.0, line), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(v));
        p.restore();
    }
    // Bars.
    for (auto it = stacks.cbegin(); it != stacks.cend(); ++it) {
        double y = plot.bottom();
        for (size_t f = 0; f < it->size(); ++f) {
            const double h = double((*it)[f]) / double(top) * plot.height();
            if ((*it)[f] == 0)
                continue;
            const double left = plot.left() + double(it.key()) * barWidth;
            p.fillRect(QRectF(left, y - h, std::max(1.0, barWidth * 0.85), std::max(1.0, h)), kinds[int(f)].color);
            y -= h;
        }
    }
    // Axes and time labels (UTC) at round times, five to eight.
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    const qint64 end = first + buckets * bucket;
    const qint64 tick = roundTimeStep((end - first) / 8);
    const QDateTime startTime = QDateTime::fromMSecsSinceEpoch(first / 1'000'000, Qt::UTC);
    const bool oneDay = startTime.date() == QDateTime::fromMSecsSinceEpoch(end / 1'000'000, Qt::UTC).date();
    const QString pattern = !oneDay ? u"MM-dd HH:mm"_s : tick < 1'000'000'000 ? u"HH:mm:ss.zzz"_s : u"HH:mm:ss"_s;
    for (qint64 ts = (first + tick - 1) / tick * tick; ts <= end; ts += tick) {
        const double lx = xOf(ts);
        p.drawLine(QPointF(lx, plot.bottom()), QPointF(lx, plot.bottom() + line / 3.0));
        const QString text = QDateTime::fromMSecsSinceEpoch(ts / 1'000'000, Qt::UTC).toString(pattern);
        const int w = metrics.horizontalAdvance(text);
        const double left = std::clamp(lx - w / 2.0, 0.0, double(size.width() - w));
        p.drawText(QPointF(left, plot.bottom() + line * 1.4), text);
    }
    const QString day = oneDay ? startTime.toString(u"yyyy-MM-dd"_s) + u", "_s : QString();
    p.drawText(QRectF(plot.left(), plot.bottom() + line * 1.7, plot.width(), line * 1.2), Qt::AlignCenter,
               tr("time (UTC, %1bars of %2); events per bar").arg(day, reportDuration(bucket)));
    return image;
}

} // namespace Deck::Report
