// SPDX-License-Identifier: GPL-3.0-or-later
// The cells of the events table (EventTableModel: one line of text, a foreground, an alignment, the marks' picture
// before the time), painted without the style's per-cell text layout. QStyledItemDelegate lays out a cell's text in
// a QTextLayout several times a paint (for the sizes of the item's parts, for the elision and to draw it), which was
// most of the 8-10 ms a screen of the table took to paint. This delegate draws a plain cell itself with the geometry
// of QCommonStyle's item (the same margins, the picture at the same place, the text elided to the same width and drawn
// on the same baseline, in the palette's text colour or the model's foreground); the text's shape and width are kept
// per string and font (the hosts, kinds, processes and users of a screen repeat). Every other cell goes to
// QStyledItemDelegate as before: a selected, current or hovered one (the style draws its highlight, focus frame and
// hover), and one the fast path does not cover (a font, background or check state from the model, several lines,
// right-to-left, word wrap, a decoration that is not an image, a column too narrow for an ellipsis).
// Thread: the GUI thread.
#pragma once

#include <QCache>
#include <QFont>
#include <QStyledItemDelegate>

class QTextLayout;

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
