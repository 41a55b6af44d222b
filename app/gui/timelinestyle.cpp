// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinestyle.h"

#include <QHash>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

QColor kindColor(const QString &kind)
{
    // Families share a hue: processes blue/purple, files green, network orange, integrity red/pink/yellow, the
    // collector's own events greys and brown.
    static const QHash<QString, QColor> colours{
        {u"proc.exec"_s, QColor(0x4e79a7)},      {u"proc.fork"_s, QColor(0xa0cbe8)},
        {u"proc.exit"_s, QColor(0x1f3a5f)},      {u"proc.cred"_s, QColor(0xb07aa1)},
        {u"proc.snapshot"_s, QColor(0x86bcb6)},  {u"file.access"_s, QColor(0x59a14f)},
        {u"net.endpoint"_s, QColor(0xf28e2b)},   {u"state.change"_s, QColor(0xe15759)},
        {u"state.snapshot"_s, QColor(0xff9d9a)}, {u"host.kmsg"_s, QColor(0xedc948)},
        {u"rec.start"_s, QColor(0xbab0ac)},      {u"rec.heartbeat"_s, QColor(0xdcdcdc)},
        {u"rec.stop"_s, QColor(0x79706e)},       {u"rec.loss"_s, QColor(0x9c755f)}};
    if (const auto it = colours.constFind(kind); it != colours.constEnd())
        return *it;
    // A kind this build does not know keeps one colour too.
    return QColor::fromHsv(int(qHash(kind) % 360), 120, 200);
}

void paintCoverage(QPainter &painter, const QRectF &rect, Models::CoverageState state)
{
    const auto hatched = [&](QColor base, QColor lines, Qt::BrushStyle style) {
        painter.fillRect(rect, base);
        painter.fillRect(rect, QBrush(lines, style));
    };
    switch (state) {
    case Models::CoverageState::NotRecorded:
        hatched(QColor(0xf0f0f0), QColor(0xbdbdbd), Qt::BDiagPattern);
        break;
    case Models::CoverageState::Recorded:
        painter.fillRect(rect, QColor(0x9ed59a));
        break;
    case Models::CoverageState::Stopped:
        hatched(QColor(0x8c8c8c), QColor(0x5a5a5a), Qt::BDiagPattern);
        break;
    case Models::CoverageState::Crashed:
        hatched(QColor(0x5a5a5a), QColor(0xf4a3a3), Qt::DiagCrossPattern);
        break;
    case Models::CoverageState::ChainGap:
        hatched(QColor(0xd62728), QColor(0xffffff), Qt::BDiagPattern);
        break;
    case Models::CoverageState::Lost:
        painter.fillRect(rect, QColor(0xc2188f)); // magenta: unlike any kind's colour and any other state
        break;
    }
}

QBrush unrecordedBrush()
{
    return QBrush(QColor(150, 150, 150, 110), Qt::BDiagPattern);
}

QColor selectionFill()
{
    return QColor(30, 120, 220, 45);
}

QColor selectionEdge()
{
    return QColor(30, 120, 220);
}

} // namespace Deck::Gui
