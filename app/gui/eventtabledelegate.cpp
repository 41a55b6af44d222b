// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtabledelegate.h"

#include <QApplication>
#include <QGlyphRun>
#include <QPainter>
#include <QTextLayout>
#include <QtMath>
#include <algorithm>

namespace Deck::Gui {

// What is kept of a string in the font: the width its text takes and its line's height and ascent (what QCommonStyle
// aligns and elides by), and, for a string drawn again and again (a host, a kind, a user), its glyphs laid out once.
// A string seen once (a time, a path) is measured and drawn with QPainter::drawText, which shapes it again: laying it
// out to keep its glyphs costs several times that.
struct EventTableDelegate::Shaped
{
    qreal width = 0;
    int height = 0;
    qreal ascent = 0;
    int draws = 0;
    QList<QGlyphRun> glyphs; // positioned from the top left of the line; empty: drawn with drawText
    int elidedTo = -1; // the width `elided` was made for
    QString elided;
};

namespace {

// The roles the fast path reads, and those that send a cell to QStyledItemDelegate when the model gives them.
enum Slot { Display, Decoration, Foreground, Alignment, Font, Background, CheckState, kSlots };

constexpr QStyle::State kStyled
    = QStyle::State_Selected | QStyle::State_HasFocus | QStyle::State_MouseOver | QStyle::State_Editing;

} // namespace

EventTableDelegate::EventTableDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shaped(kShapedTexts)
{
}

EventTableDelegate::~EventTableDelegate() = default;

EventTableDelegate::Shaped *EventTableDelegate::shaped(const QString &text, const QFont &font) const
{
    if (font != m_shapedFont) {
        m_shaped.clear();
        m_shapedFont = font;
    }
    if (Shaped *known = m_shaped.object(text))
        return known;
    auto *made = new Shaped;
    // A string whose every glyph is the font's own has the font's height and ascent; one with a glyph from a fallback
    // font may have another, which only a layout tells.
    const QFontMetricsF metrics(font);
    if (std::all_of(text.cbegin(), text.cend(), [&](QChar c) { return c.unicode() < 0x0530 || metrics.inFont(c); })) {
        made->width = metrics.horizontalAdvance(text);
        made->height = qCeil(metrics.ascent() + metrics.descent());
        made->ascent = metrics.ascent();
    } else {
        layOut(text, font, made);
    }
    m_shaped.insert(text, made);
    return made;
}

void EventTableDelegate::layOut(const QString &text, const QFont &font, Shaped *shaped)
{
    QTextLayout layout(text, font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(Qt::LeftToRight);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6); // one line (manual wrap): the width only bounds an alignment, which is left here
    line.setPosition({0, 0});
    layout.endLayout();
    shaped->glyphs = layout.glyphRuns();
    shaped->width = line.naturalTextWidth();
    shaped->height = layout.boundingRect().size().toSize().height();
    shaped->ascent = line.ascent();
}

void EventTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto styled = [&] { QStyledItemDelegate::paint(painter, option, index); };
    if ((option.state & kStyled) || option.direction != Qt::LeftToRight
        || (option.features & QStyleOptionViewItem::WrapText) || option.decorationPosition != QStyleOptionViewItem::Left
        || !index.isValid())
        return styled();
    std::array<QModelRoleData, kSlots> data{QModelRoleData(Qt::DisplayRole),    QModelRoleData(Qt::DecorationRole),
                                            QModelRoleData(Qt::ForegroundRole), QModelRoleData(Qt::TextAlignmentRole),
                                            QModelRoleData(Qt::FontRole),       QModelRoleData(Qt::BackgroundRole),
                                            QModelRoleData(Qt::CheckStateRole)};
    index.multiData(data); // one look-up of the row for every role
    const QVariant &display = data[Display].data();
    const QVariant &decoration = data[Decoration].data();
    if (data[Font].data().isValid() || data[Background].data().isValid() || data[CheckState].data().isValid()
        || (display.isValid() && display.metaType().id() != QMetaType::QString)
        || (decoration.isValid() && decoration.metaType().id() != QMetaType::QImage))
        return styled();
    QString text = display.toString();
    if (text.contains(u'\n') || text.contains(QChar::LineSeparator) || (!text.isEmpty() && text.back().isSpace()))
        return styled(); // QTextLayout's width of a line leaves out its trailing spaces

    // QCommonStyle's item laid out (viewItemLayout, viewItemDrawText): the picture, with a margin either side,
    // centred in its slot; the text in the rest, less a margin either side.
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    QRect item = option.rect;
    const QImage image = decoration.value<QImage>();
    QRect imageRect;
    if (decoration.isValid()) {
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, widget) + 1;
        const QSize size = image.deviceIndependentSize().toSize();
        const QRect slot(item.x(), item.y(), size.width() + 2 * margin, item.height());
        imageRect = QStyle::alignedRect(Qt::LeftToRight, option.decorationAlignment, size, slot);
        item.setLeft(slot.right() + 1);
    }
    const int textMargin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = item.adjusted(textMargin, 0, -textMargin, 0);
    Shaped *line = text.isEmpty() ? nullptr : shaped(text, option.font);
    const bool elide = line && line->width > textRect.width();
    if (!imageRect.isNull() && (!option.rect.contains(imageRect) || !(option.state & QStyle::State_Enabled)))
        return styled(); // a column narrower than its picture (the style clips it), or a disabled one (greyed)
    if (elide && (option.textElideMode == Qt::ElideNone || textRect.width() < option.fontMetrics.height()))
        return styled(); // too narrow to elide (the style clips the text)
    if (line && textRect.height() - line->height < 4)
        return styled(); // a row hardly taller than its text: a glyph below the descent (an underscore) is clipped

    if (!imageRect.isNull())
        painter->drawImage(imageRect, image);
    if (!line)
        return;
    Qt::Alignment alignment = option.displayAlignment;
    if (const QVariant &value = data[Alignment].data(); value.isValid())
        alignment = value.metaType() == QMetaType::fromType<Qt::Alignment>() ? value.value<Qt::Alignment>()
                                                                             : Qt::Alignment::fromInt(value.toInt());
    const int top = QStyle::alignedRect(Qt::LeftToRight, alignment & Qt::AlignVertical_Mask,
                                        QSize(textRect.width(), line->height), textRect)
                        .top();
    if (elide) {
        Shaped *full = m_shaped.object(text);
        if (full->elidedTo != textRect.width()) {
            full->elided = option.fontMetrics.elidedText(text, option.textElideMode, textRect.width());
            full->elidedTo = textRect.width();
        }
        text = full->elided; // shaped() may drop `full`
        line = shaped(text, option.font);
    }
    qreal x = textRect.left();
    const Qt::Alignment horizontal = QStyle::visualAlignment(Qt::LeftToRight, alignment);
    if (horizontal & Qt::AlignRight)
        x += textRect.width() - line->width;
    else if (horizontal & Qt::AlignHCenter)
        x += (textRect.width() - line->width) / 2;

    QPalette::ColorGroup group = (option.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(option.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QVariant &foreground = data[Foreground].data();
    const QColor color = foreground.canConvert<QBrush>() ? qvariant_cast<QBrush>(foreground).color()
                                                         : option.palette.color(group, QPalette::Text);
    const QPen pen = painter->pen();
    painter->setPen(color);
    if (line->glyphs.isEmpty() && ++line->draws >= kLayOutAt)
        layOut(text, option.font, line);
    if (!line->glyphs.isEmpty()) {
        for (const QGlyphRun &run : line->glyphs)
            painter->drawGlyphRun(QPointF(x, top), run);
    } else {
        const QFont font = painter->font();
        painter->setFont(option.font);
        painter->drawText(QPointF(x, top + line->ascent), text);
        painter->setFont(font);
    }
    painter->setPen(pen);
}

} // namespace Deck::Gui
