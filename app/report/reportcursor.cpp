// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcursor.h"

#include <QBuffer>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deck::Report {

namespace {

constexpr qreal kBodyPoints = 9;
constexpr qreal kTablePoints = 8;
constexpr qreal kMonoPoints = 7;

QColor toneColor(ReportCursor::Tone tone)
{
    switch (tone) {
    case ReportCursor::Tone::Quiet:
        return QColor(0x55, 0x55, 0x55);
    case ReportCursor::Tone::Warning:
        return QColor(0xa3, 0x1b, 0x1b);
    case ReportCursor::Tone::Good:
        return QColor(0x1e, 0x6b, 0x2e);
    case ReportCursor::Tone::Normal:
        break;
    }
    return Qt::black;
}

} // namespace

ReportCursor::ReportCursor(QTextDocument &document)
    : m_document(document)
    , m_cursor(&document)
{
    QFont font(u"DejaVu Sans"_s);
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(kBodyPoints);
    m_document.setDefaultFont(font);
    // A word longer than the line (a path, an argv) wraps anywhere rather than running off the page.
    QTextOption option = m_document.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_document.setDefaultTextOption(option);
}

QString ReportCursor::clean(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0)
            || u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (control)
            out += u"\\x%1"_s.arg(int(u), u < 0x100 ? 2 : 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

QTextCharFormat ReportCursor::textFormat(Tone tone, qreal points) const
{
    QTextCharFormat format;
    format.setForeground(toneColor(tone));
    format.setFontPointSize(points > 0 ? points : kBodyPoints);
    return format;
}

QTextCharFormat ReportCursor::monoFormat(Tone tone, qreal points) const
{
    QTextCharFormat format = textFormat(tone, points);
    format.setFontFamilies({u"DejaVu Sans Mono"_s, u"monospace"_s});
    format.setFontStyleHint(QFont::Monospace);
    format.setFontFixedPitch(true);
    return format;
}

void ReportCursor::newBlock(qreal topMargin)
{
    QTextBlockFormat block;
    block.setTopMargin(topMargin);
    block.setBottomMargin(3);
    if (m_empty) {
        m_cursor.setBlockFormat(block);
        m_empty = false;
    } else {
        m_cursor.insertBlock(block);
    }
}

void ReportCursor::title(const QString &text, const QString &subtitle)
{
    newBlock();
    QTextCharFormat format = textFormat(Tone::Normal, 17);
    format.setFontWeight(QFont::Bold);
    m_cursor.insertText(clean(text), format);
    newBlock(2);
    m_cursor.insertText(clean(subtitle), textFormat(Tone::Quiet, 9));
}

void ReportCursor::heading(const QString &text)
{
    newBlock(16);
    QTextCharFormat format = textFormat(Tone::Normal, 13);
    format.setFontWeight(QFont::Bold);
    format.setForeground(QColor(0x1d, 0x3b, 0x5e));
    m_cursor.insertText(clean(text), format);
}

void ReportCursor::subheading(const QString &text)
{
    newBlock(9);
    QTextCharFormat format = textFormat(Tone::Normal, 10.5);
    format.setFontWeight(QFont::Bold);
    m_cursor.insertText(clean(text), format);
}

void ReportCursor::paragraph(const QString &text, Tone tone)
{
    newBlock(2);
    m_cursor.insertText(clean(text), textFormat(tone));
}

void ReportCursor::statement(const QString &lead, const QString &text, Tone tone)
{
    newBlock(2);
    QTextCharFormat bold = textFormat(tone);
    bold.setFontWeight(QFont::Bold);
    m_cursor.insertText(clean(lead) + u' ', bold);
    m_cursor.insertText(clean(text), textFormat(tone));
}

void ReportCursor::keyValues(const QList<std::pair<QString, QString>> &pairs)
{
    QList<Row> rows;
    for (const auto &[key, value] : pairs)
        rows.append({{key, value}, {}, Tone::Normal});
    table({{QString(), 22}, {QString(), 78}}, rows);
}

void ReportCursor::table(const QList<Column> &columns, const QList<Row> &rows)
{
    const bool headed
        = std::any_of(columns.begin(), columns.end(), [](const Column &c) { return !c.header.isEmpty(); });
    int tableRows = headed ? 1 : 0;
    for (const Row &row : rows)
        tableRows += row.detail.isEmpty() ? 1 : 2;
    if (tableRows == 0)
        return;
    newBlock(3);
    QTextTableFormat format;
    format.setHeaderRowCount(headed ? 1 : 0);
    format.setBorder(headed ? 0.5 : 0);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderBrush(QColor(0xb0, 0xb0, 0xb0));
    format.setBorderCollapse(true);
    format.setCellPadding(2.5);
    format.setCellSpacing(0);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QList<QTextLength> widths;
    for (const Column &column : columns)
        widths.append(QTextLength(QTextLength::PercentageLength, column.percent));
    format.setColumnWidthConstraints(widths);
    QTextTable *table = m_cursor.insertTable(tableRows, int(columns.size()), format);

    const auto fill = [&](int r, int c, const QString &text, const QTextCharFormat &charFormat, const QColor &back) {
        QTextTableCell cell = table->cellAt(r, c);
        if (back.isValid()) {
            QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
            cellFormat.setBackground(back);
            cell.setFormat(cellFormat);
        }
        QTextCursor cursor = cell.firstCursorPosition();
        cursor.insertText(clean(text), charFormat);
    };
    int r = 0;
    if (headed) {
        QTextCharFormat bold = textFormat(Tone::Normal, kTablePoints);
        bold.setFontWeight(QFont::Bold);
        for (int c = 0; c < columns.size(); ++c)
            fill(0, c, columns[c].header, bold, QColor(0xe4, 0xe9, 0xf0));
        r = 1;
    }
    const QTextCharFormat detailFormat = monoFormat(Tone::Quiet, kMonoPoints);
    int index = 0;
    for (const Row &row : rows) {
        const QColor back = headed && index++ % 2 == 1 ? QColor(0xf6, 0xf7, 0xf9) : QColor();
        const qreal points = headed ? kTablePoints : kBodyPoints;
        for (int c = 0; c < columns.size(); ++c) {
            QTextCharFormat f = columns[c].mono ? monoFormat(row.tone, points - 0.5) : textFormat(row.tone, points);
            if (!headed && c == 0)
                f.setForeground(toneColor(Tone::Quiet));
            fill(r, c, row.cells.value(c), f, back);
        }
        ++r;
        if (!row.detail.isEmpty()) {
            table->mergeCells(r, 0, 1, int(columns.size()));
            fill(r, 0, row.detail, detailFormat, back);
            ++r;
        }
    }
    m_cursor.movePosition(QTextCursor::End);
}

void ReportCursor::image(const QImage &image, double widthFraction)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QString name = u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64());
    m_document.addResource(QTextDocument::ImageResource, QUrl(name), image);
    newBlock(4);
    QTextImageFormat format;
    format.setName(name);
    // Lengths in a document are 1/96 inch at any resolution: the text width of A4 with 15 mm margins, less the
    // document's own margin on either side.
    const qreal textWidth = (210.0 - 2 * 15.0) / 25.4 * 96.0 - 2 * m_document.documentMargin();
    format.setWidth(textWidth * widthFraction);
    format.setHeight(textWidth * widthFraction * image.height() / image.width());
    m_cursor.insertImage(format);
}

} // namespace Deck::Report
