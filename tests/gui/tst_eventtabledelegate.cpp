// SPDX-License-Identifier: GPL-3.0-or-later
// EventTableDelegate (offscreen): the events table painted by it is, pixel for pixel, what QStyledItemDelegate and
// the style paint — a table set up as the Events page's (alternating rows, no grid, elided at the right) with the
// model's kinds of cells: the marks' pictures and the blank that reserves their place, a foreground (a loss, the
// placeholder), a right-aligned column, texts elided, texts with glyphs of fallback fonts, empty cells — in the
// default palette, a high-contrast one, a disabled view, another font size and rows lower than the text; a selected,
// current or hovered row is the style's own (its highlight, focus frame and hover); a string drawn again and again is
// kept laid out, within a bound.
#include "eventtabledelegate.h"
#include "markdecoration.h"

#include <QDir>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestEventTableDelegate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void paintsAsTheStyle_data();
    void paintsAsTheStyle();
    void selectedRowIsTheStyles();
    void keepsABoundedNumberOfStrings();

private:
    QImage render(QAbstractItemDelegate *delegate);

    std::unique_ptr<QStandardItemModel> m_model;
    std::unique_ptr<QTableView> m_view;
};

void TestEventTableDelegate::init()
{
    const int rows = 40;
    m_model = std::make_unique<QStandardItemModel>(rows, 7);
    for (int r = 0; r < rows; ++r) {
        const QStringList texts{
            r == 5 ? u"loading…"_s : u"2026-12-03 08:55:%1.123456789"_s.arg(r % 60, 2, 10, QChar(u'0')),
            u"host-%1"_s.arg(r % 4),
            r % 6 ? u"python3 (%1)"_s.arg(1000 + r * 7) : QString(),
            u"deploy-user (%1)"_s.arg(r % 3 ? 65534 : 0),
            r % 5 ? u"file open"_s : u"net connect"_s,
            r % 4
                ? u"/usr/lib/x86_64-linux-gnu/libexample-%1.so.6 → /tmp/a file with a name long enough to be cut"_s.arg(
                    r)
                : u"/srv/données/ファイル-%1.txt"_s.arg(r),
            u"argv value%1 --flag=x Ünïcödé [::1]:443 κείμενο текст"_s.arg(r)};
        for (int c = 0; c < 7; ++c) {
            auto *item = new QStandardItem(texts[c]);
            if (c == 0) // the marks' picture, or the blank that keeps the time in line
                item->setData(Models::markDecoration(Models::ObjectMarks{r % 3 == 1, r % 4 == 1 ? u"n"_s : QString()}),
                              Qt::DecorationRole);
            if (c == 3)
                item->setData(QVariant(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
            if (r % 7 == 3)
                item->setData(QColor(0xb0, 0x30, 0x20), Qt::ForegroundRole);
            if (r == 5)
                item->setData(QColor(Qt::gray), Qt::ForegroundRole);
            m_model->setItem(r, c, item);
        }
    }
    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_model.get());
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    const int widths[] = {250, 70, 120, 110, 90, 260, 200};
    for (int c = 0; c < 7; ++c)
        m_view->setColumnWidth(c, widths[c]);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resize(1200, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestEventTableDelegate::cleanup()
{
    m_view.reset();
    m_model.reset();
}

QImage TestEventTableDelegate::render(QAbstractItemDelegate *delegate)
{
    m_view->setItemDelegate(delegate);
    QImage image(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    m_view->viewport()->render(&image);
    return image;
}

void TestEventTableDelegate::paintsAsTheStyle_data()
{
    QTest::addColumn<QString>("look");
    QTest::newRow("default palette") << u"default"_s;
    QTest::newRow("high contrast") << u"contrast"_s;
    QTest::newRow("disabled") << u"disabled"_s;
    QTest::newRow("narrow columns") << u"narrow"_s;
    QTest::newRow("another font size") << u"font"_s;
    QTest::newRow("rows lower than the text") << u"cramped"_s;
}

void TestEventTableDelegate::paintsAsTheStyle()
{
    QFETCH(QString, look);
    if (look == "contrast"_L1) {
        QPalette palette = m_view->palette();
        for (const auto group : {QPalette::Active, QPalette::Inactive}) {
            palette.setColor(group, QPalette::Base, Qt::black);
            palette.setColor(group, QPalette::AlternateBase, QColor(0x20, 0x20, 0x20));
            palette.setColor(group, QPalette::Text, Qt::yellow);
        }
        m_view->setPalette(palette);
    } else if (look == "disabled"_L1) {
        m_view->setEnabled(false);
    } else if (look == "font"_L1) {
        QFont font = m_view->font();
        font.setPointSizeF(font.pointSizeF() * 1.37); // a size whose pixels are not whole
        m_view->setFont(font);
        m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6); // as the page sets it
    } else if (look == "cramped"_L1) {
        QFont font = m_view->font(); // a larger font in rows made for the smaller one: the style clips the text
        font.setPointSizeF(font.pointSizeF() * 1.37);
        m_view->setFont(font);
    } else if (look == "narrow"_L1) {
        for (int c = 0; c < 6; ++c)
            m_view->setColumnWidth(c, c == 0 ? 24 : 9 + 7 * c); // the picture does not fit; some texts hardly
    }
    QStyledItemDelegate styled;
    const QImage expected = render(&styled);
    Gui::EventTableDelegate fast;
    // Three times: strings first measured and drawn, then drawn from what is kept, then from their glyphs.
    QStringList differences;
    for (int pass = 0; pass < 3; ++pass) {
        const QImage painted = render(&fast);
        if (painted == expected)
            continue;
        const QString dir = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::tempPath());
        expected.save(QDir(dir).filePath(u"eventtabledelegate-%1-expected.png"_s.arg(look)));
        painted.save(QDir(dir).filePath(u"eventtabledelegate-%1-painted%2.png"_s.arg(look).arg(pass)));
        int differing = 0;
        QRect where;
        for (int y = 0; y < expected.height(); ++y) {
            for (int x = 0; x < expected.width(); ++x) {
                if (painted.pixel(x, y) != expected.pixel(x, y)) {
                    ++differing;
                    where |= QRect(x, y, 1, 1);
                }
            }
        }
        differences << u"pass %1: %2 pixels within (%3, %4) to (%5, %6)"_s.arg(pass)
                           .arg(differing)
                           .arg(where.left())
                           .arg(where.top())
                           .arg(where.right())
                           .arg(where.bottom());
    }
    QVERIFY2(differences.isEmpty(),
             qPrintable(u"unlike QStyledItemDelegate's pixels (saved in %1): %2"_s.arg(
                 qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::tempPath()), differences.join(u"; "_s))));
    QVERIFY(fast.shapedTexts() > 0);
}

void TestEventTableDelegate::selectedRowIsTheStyles()
{
    m_view->setFocus();
    m_view->selectRow(3);
    m_view->setCurrentIndex(m_model->index(3, 2));
    QStyledItemDelegate styled;
    const QImage expected = render(&styled);
    Gui::EventTableDelegate fast;
    const QImage painted = render(&fast);
    QCOMPARE(painted, expected);
    if (const QString dir = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR"); !dir.isEmpty() && QDir().mkpath(dir))
        QVERIFY(painted.save(QDir(dir).filePath(u"eventtabledelegate-selected.png"_s))); // for people to look at
    // The highlight is there (the row's middle is the palette's highlight, not the base).
    const int y = m_view->rowViewportPosition(3) + m_view->rowHeight(3) / 2;
    const QColor highlight = m_view->palette().color(QPalette::Active, QPalette::Highlight);
    const QColor inactive = m_view->palette().color(QPalette::Inactive, QPalette::Highlight);
    const QColor at = expected.pixelColor(m_view->columnViewportPosition(4) + m_view->columnWidth(4) - 2, y);
    QVERIFY2(at == highlight || at == inactive, qPrintable(at.name()));
}

void TestEventTableDelegate::keepsABoundedNumberOfStrings()
{
    Gui::EventTableDelegate fast;
    render(&fast);
    const int kept = fast.shapedTexts();
    QVERIFY(kept > 0);
    render(&fast);
    QCOMPARE(fast.shapedTexts(), kept); // the same strings again: nothing new
    // New strings, twice as many as are kept, a screen at a time.
    const int shown = (m_view->rowAt(m_view->viewport()->height() - 1) + 1) * 7;
    QVERIFY(shown > 7);
    for (int round = 0; round * shown < 2 * Gui::EventTableDelegate::kShapedTexts; ++round) {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            for (int c = 0; c < 7; ++c)
                m_model->item(r, c)->setText(u"round %1 text %2"_s.arg(round).arg(r * 7 + c));
        }
        render(&fast);
    }
    QVERIFY(fast.shapedTexts() <= Gui::EventTableDelegate::kShapedTexts);
    QVERIFY(fast.shapedTexts() > Gui::EventTableDelegate::kShapedTexts / 2);
}

QTEST_MAIN(TestEventTableDelegate)
#include "tst_eventtabledelegate.moc"
