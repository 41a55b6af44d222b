// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdecoration.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace Deck::Models {

namespace {
constexpr int kSlot = 10; // each marker's width; the height of both
constexpr int kGap = 2;

QImage drawMarkers(bool bookmarked, bool noted)
{
    QImage image(2 * kSlot + kGap, kSlot + 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    if (bookmarked) {
        // A ribbon with a notch at its foot, as bookmarks look in browsers and readers.
        QPainterPath ribbon;
        ribbon.moveTo(1, 0);
        ribbon.lineTo(kSlot - 1, 0);
        ribbon.lineTo(kSlot - 1, kSlot + 1);
        ribbon.lineTo(kSlot / 2.0, kSlot - 3);
        ribbon.lineTo(1, kSlot + 1);
        ribbon.closeSubpath();
        painter.setPen(QPen(bookmarkMarkerColor().darker(130), 1));
        painter.setBrush(bookmarkMarkerColor());
        painter.drawPath(ribbon);
    }
    if (noted) {
        const QRectF square(kSlot + kGap + 0.5, 1.5, kSlot - 1, kSlot - 1);
        painter.setPen(QPen(noteMarkerColor().darker(130), 1));
        painter.setBrush(noteMarkerColor());
        painter.drawRect(square);
    }
    return image;
}
} // namespace

ObjectMarks marksOf(const NoteTexts &notes, const BookmarkedObjects &bookmarked, const QPair<int, qint64> &key)
{
    return ObjectMarks{bookmarked.contains(key), notes.value(key)};
}

QImage markImage(bool bookmarked, bool noted)
{
    if (!bookmarked && !noted)
        return {};
    static const QImage pictures[3]{drawMarkers(true, false), drawMarkers(false, true), drawMarkers(true, true)};
    return pictures[bookmarked && noted ? 2 : (noted ? 1 : 0)];
}

int markWidth()
{
    return markImage(true, true).width() + 6;
}

QVariant markDecoration(const ObjectMarks &marks)
{
    static const QImage blank = drawMarkers(false, false);
    if (!marks.any())
        return blank;
    return markImage(marks.bookmarked, !marks.note.isEmpty());
}

QString markToolTip(const ObjectMarks &marks)
{
    QStringList lines;
    if (marks.bookmarked)
        lines << QCoreApplication::translate("Deck::Models::ObjectMarks", "Bookmarked");
    if (!marks.note.isEmpty())
        lines << QCoreApplication::translate("Deck::Models::ObjectMarks", "Note: %1").arg(marks.note);
    return lines.join(u'\n');
}

} // namespace Deck::Models
