// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "auditlog.h"
#include "digest.h"
#include "reportcursor.h"
#include "reporttext.h"
#include "securefile.h"
#include "timetext.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Report {

namespace {

Flight::Error fileError(const QString &path, const QString &reason)
{
    return storeError(StoreReason::CannotOpen, u"%1: cannot write the report: %2"_s.arg(path, reason));
}

void paintFrame(QPainter &painter, const QRectF &page, qreal headerHeight, qreal footerHeight, const PageHeader &header,
                int pageNumber, int pages)
{
    painter.save();
    QFont font(u"DejaVu Sans"_s);
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(7.5);
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QFontMetricsF metrics(font, painter.device());
    const qreal line = metrics.height();
    const QString when = QCoreApplication::translate("Deck::Report::ReportWriter", "generated %1 UTC")
                             .arg(reportTime(header.generatedTs));
    const qreal whenWidth = metrics.horizontalAdvance(when);
    const QString title = metrics.elidedText(header.title, Qt::ElideRight, page.width() - whenWidth - line);
    const QString caseName = metrics.elidedText(header.caseName, Qt::ElideMiddle, page.width());
    painter.drawText(QRectF(0, 0, page.width(), line), Qt::AlignLeft | Qt::AlignTop, title);
    painter.drawText(QRectF(0, 0, page.width(), line), Qt::AlignRight | Qt::AlignTop, when);
    painter.drawText(QRectF(0, line, page.width(), line), Qt::AlignLeft | Qt::AlignTop, caseName);
    const qreal rule = std::max<qreal>(1.0, painter.device()->logicalDpiY() / 200.0);
    painter.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), rule));
    painter.drawLine(QPointF(0, headerHeight - line * 0.6), QPointF(page.width(), headerHeight - line * 0.6));
    const qreal footerTop = page.height() - footerHeight + line * 0.6;
    painter.drawLine(QPointF(0, footerTop), QPointF(page.width(), footerTop));
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(
        QRectF(0, footerTop + line * 0.3, page.width(), line), Qt::AlignHCenter | Qt::AlignTop,
        QCoreApplication::translate("Deck::Report::ReportWriter", "page %1 of %2").arg(pageNumber).arg(pages));
    painter.restore();
}

} // namespace

std::optional<ReportFormat> reportFormatFor(const QString &path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(".pdf"_L1))
        return ReportFormat::Pdf;
    if (lower.endsWith(".html"_L1) || lower.endsWith(".htm"_L1))
        return ReportFormat::Html;
    return std::nullopt;
}

int paintReport(QTextDocument &document, QPagedPaintDevice &device, const PageHeader &header)
{
    QPainter painter(&device);
    const int dpi = device.logicalDpiY();
    const QRectF page(QPointF(0, 0), device.pageLayout().paintRectPixels(dpi).size());
    const qreal headerHeight = 0.42 * dpi;
    const qreal footerHeight = 0.36 * dpi;
    const QSizeF body(page.width(), page.height() - headerHeight - footerHeight);
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    layout->setPaintDevice(&device);
    document.setPageSize(body);
    const int pages = document.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        paintFrame(painter, page, headerHeight, footerHeight, header, i + 1, pages);
        painter.save();
        painter.translate(0, headerHeight);
        painter.setClipRect(QRectF(QPointF(0, 0), body));
        painter.translate(0, -i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        context.palette.setColor(QPalette::Text, Qt::black);
        layout->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    layout->setPaintDevice(nullptr);
    document.setPageSize(QSizeF());
    return pages;
}

Expected<WrittenReport> writeReportFile(const ReportData &data, QTextDocument &document, const QString &path)
{
    const auto format = reportFormatFor(path);
    if (!format)
        return fileError(path, u"give a file name ending in .pdf or .html"_s);
    const QString part = path + u".part"_s;
    WrittenReport written;
    {
        QFile file(part);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fileError(part, file.errorString());
        if (*format == ReportFormat::Html) {
            // Qt writes the title into <title> as it is: escape it for that moment.
            const QString title = document.metaInformation(QTextDocument::DocumentTitle);
            document.setMetaInformation(QTextDocument::DocumentTitle, ReportCursor::clean(data.title).toHtmlEscaped());
            const QByteArray html = document.toHtml().toUtf8();
            document.setMetaInformation(QTextDocument::DocumentTitle, title);
            if (file.write(html) != html.size()) {
                const QString reason = file.errorString();
                file.close();
                QFile::remove(part);
                return fileError(part, reason);
            }
        } else {
            QPdfWriter writer(&file);
            writer.setTitle(ReportCursor::clean(data.title));
            writer.setCreator(u"flightdeck"_s);
            writer.setResolution(600);
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 12, 15, 12),
                                             QPageLayout::Millimeter));
            written.pages = paintReport(document, writer, {data.title, data.caseName, data.generatedTs});
        }
        if (!file.flush() || file.error() != QFileDevice::NoError) {
            const QString reason = file.errorString();
            file.close();
            QFile::remove(part);
            return fileError(part, reason);
        }
    }
    if (!Flight::Format::syncFile(part)) {
        QFile::remove(part);
        return fileError(part, u"cannot sync it to disk"_s);
    }
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString reason = qt_error_string(errno);
        QFile::remove(part);
        return fileError(path, u"cannot rename it into place: %1"_s.arg(reason));
    }
    Flight::Format::syncParentDirectory(path);
    QFile done(path);
    if (!done.open(QIODevice::ReadOnly))
        return fileError(path, done.errorString());
    const QByteArray bytes = done.readAll();
    written.bytes = bytes.size();
    written.digest = Flight::Format::Blake2b256::hexHash(bytes);
    return written;
}

Expected<void> auditReport(Database &db, const ReportData &data, const QString &path, const WrittenReport &written)
{
    const TimeRange &range = data.scope.range;
    const QString kind = reportFormatFor(path) == ReportFormat::Pdf ? u"pdf, %1 pages"_s.arg(written.pages) : u"html"_s;
    const QString detail
        = u"%1, %2 bytes, blake2b-256 %3, hosts %4, from %5, to %6"_s.arg(kind)
              .arg(written.bytes)
              .arg(written.digest, data.scope.hostIds.isEmpty() ? u"all"_s : data.scopeHosts.join(u","_s),
                   range.from ? isoTime(*range.from) : u"-"_s, range.to ? isoTime(*range.to) : u"-"_s);
    return appendAudit(db, u"report"_s, path, detail);
}

Expected<WrittenReport> writeReport(Database &db, const ReportData &data, QTextDocument &document, const QString &path)
{
    auto written = writeReportFile(data, document, path);
    if (!written)
        return written;
    if (auto audited = auditReport(db, data, path, *written); !audited)
        return audited.error();
    return written;
}

} // namespace Deck::Report
