// SPDX-License-Identifier: GPL-3.0-or-later
// Puts a report document on paper or into a file: paintReport() lays it out on any paged device (a QPdfWriter, the
// QPrinter of a print or preview dialog) with a header on every page (title, case, generation time in UTC) and
// "page N of M" below; writeReport() writes FILE.pdf or FILE.html through FILE.part, fsync and a rename, and enters
// the report in the case's audit log with its format, pages and BLAKE2b-256 digest.
// Thread: the document's (a QGuiApplication must exist: fonts); writeReport also the Database's.
// Errors: the file's or the store's, naming the file or the database.
#pragma once

#include "reportdata.h"

#include <QTextDocument>

class QPagedPaintDevice;

namespace Deck::Report {

enum class ReportFormat { Pdf, Html };

// By the file name's suffix (.pdf, .html, .htm; any case); nullopt for another.
std::optional<ReportFormat> reportFormatFor(const QString &path);

struct PageHeader
{
    QString title;
    QString caseName;
    qint64 generatedTs = 0;
};

// Lays `document` out for the device's page and paints every page; returns the number of pages. The document is
// left without a paint device and page size, as it was.
int paintReport(QTextDocument &document, QPagedPaintDevice &device, const PageHeader &header);

struct WrittenReport
{
    int pages = 0; // 0 for HTML
    qint64 bytes = 0;
    QString digest; // BLAKE2b-256 hex of the file
};

// The file alone (the document's thread), and its audit entry (the Database's thread); writeReport() does both.
Expected<WrittenReport> writeReportFile(const ReportData &data, QTextDocument &document, const QString &path);
Expected<void> auditReport(Core::Database &db, const ReportData &data, const QString &path,
                           const WrittenReport &written);
Expected<WrittenReport> writeReport(Core::Database &db, const ReportData &data, QTextDocument &document,
                                    const QString &path);

} // namespace Deck::Report
