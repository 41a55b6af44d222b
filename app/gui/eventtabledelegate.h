// SPDX-License-Identifier: GPL-3.0-or-later
// The cells of the events table (EventTableModel: one line of text, a foreground, an alignment, the marks' picture
// or its blank before the time), painted without the style's per-cell text layouts. QStyledItemDelegate and
// QCommonStyle lay out a cell's text in a QTextLayout several times a paint (for the sizes of the item's parts, for
// the elision and to draw it): most of the CPU time of a screen of the table. This delegate draws a plain cell itself
// with the geometry of QCommonStyle's item (the same margins, the picture at the same place, the text elided to the
// same width and drawn on the same baseline, in the palette's text colour or the model's foreground: pixel for pixel
// the same, tst_eventtabledelegate), and keeps per string and font what it measured (the width, and the glyphs of a
// string drawn again and again: the hosts, kinds, processes and users of a screen repeat). Every other cell goes to
// QStyledItemDelegate as before: a selected, current or hovered one (the style draws its highlight, focus frame and
// hover), and one the fast path does not cover (a font, background or check state from the model, several lines,
// right-to-left, word wrap, a decoration that is not an image, a picture in a disabled view (greyed) or a column too
// narrow for it, a text too narrow for an ellipsis, a row hardly taller than its text: the style clips to the cell).
// Thread: the GUI thread.
#pragma once

#include <QCache>
#include <QFont>
#include <QStyledItemDelegate>

namespace Deck::Gui {

class EventTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EventTableDelegate(QObject *parent = nullptr);
    ~EventTableDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Strings whose shape is kept (for tests): at most kShapedTexts.
    static constexpr int kShapedTexts = 2048;
    int shapedTexts() const { return int(m_shaped.size()); }

private:
    struct Shaped;
    // The string's entry, made on its first draw; its glyphs are laid out on its kLayOutAt-th.
    Shaped *shaped(const QString &text, const QFont &font) const;
    static void layOut(const QString &text, const QFont &font, Shaped *shaped);
    static constexpr int kLayOutAt = 3;

    mutable QCache<QString, Shaped> m_shaped;
    mutable QFont m_shapedFont; // the font of every string in m_shaped
};

} // namespace Deck::Gui
