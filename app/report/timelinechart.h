// SPDX-License-Identifier: GPL-3.0-or-later
// The report's timeline: events per bucket as stacked bars by family (processes, files, network, integrity, the
// collector's own, loss records), with the spans the case did not record (chain gaps, collector downtime) hatched
// behind them, a UTC time axis and a legend. Drawn with QPainter into a QImage: no widgets, any thread.
#pragma once

#include "reportdata.h"

#include <QCoreApplication>
#include <QImage>

namespace Deck::Report {

class TimelineChart
{
    Q_DECLARE_TR_FUNCTIONS(TimelineChart)
public:
    explicit TimelineChart(const ReportData &data);

    // An image of `size` pixels; fonts are sized for it (made for about 300 dpi on paper).
    QImage render(QSize size) const;

private:
    struct Family
    {
        QString name;
        QColor color;
    };
    static int familyOf(const QString &kind);
    static QList<Family> families();

    const ReportData &m_data;
};

} // namespace Deck::Report
