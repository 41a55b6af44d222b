// SPDX-License-Identifier: GPL-3.0-or-later
// Lays out an incident report (ReportData) as a QTextDocument, in the order an investigator reads it: summary and
// scope, the analyst's notes, the timeline, bookmarked processes (ancestry, what they did) and other bookmarks,
// integrity changes and alerts, what the case did not see, and the evidence with its chain of custody. The document
// has no page size: reportwriter.h lays it out for paper (headers, page numbers) or writes it as HTML.
// Thread: any (fonts need a QGuiApplication); the document belongs to the caller.
#pragma once

#include "reportcursor.h"
#include "reportdata.h"

#include <QCoreApplication>
#include <memory>

class QTextDocument;

namespace Deck::Report {

class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)
public:
    static std::unique_ptr<QTextDocument> build(const ReportData &data);

private:
    ReportDocument(const ReportData &data, QTextDocument &document);

    void summary();
    void notes();
    void timeline();
    void processes(); // reportsections.cpp from here on
    void process(const ProcessSection &section);
    void activity(const Core::ProcessActivity &activity);
    void bookmarks();
    void integrity();
    void coverage();
    void hostCoverage(const Core::HostCoverage &host);
    void evidence(); // reportevidence.cpp
    void custody();

    QString scopeText() const;
    QString processText(const Core::ProcessRow &process) const;

    const ReportData &m_data;
    ReportCursor m_out;
};

} // namespace Deck::Report
