// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the parts a report is made of into a QTextDocument: headings, paragraphs, label/value lists, tables whose
// header row repeats on every page (with an optional full-width row of monospace detail under each row, for
// digests and fingerprints that must never be cut) and images. All text goes in as text, never as markup, and
// control characters are shown as escapes, so hostile names and notes read as what they are, in the PDF and HTML.
// Thread: any, one at a time (the document's).
#pragma once

#include <QImage>
#include <QStringList>
#include <QTextCursor>

class QTextDocument;

namespace Deck::Report {

class ReportCursor
{
public:
    enum class Tone { Normal, Quiet, Warning, Good };
    struct Column
    {
        QString header;
        int percent = 10; // of the text width
        bool mono = false; // identifiers (keys, files, digests): monospace, so they wrap without losing a character
    };
    struct Row
    {
        QStringList cells;
        QString detail; // shown under the row in monospace across all columns; none when empty
        Tone tone = Tone::Normal;
    };

    explicit ReportCursor(QTextDocument &document);

    void title(const QString &text, const QString &subtitle);
    void heading(const QString &text); // a section
    void subheading(const QString &text);
    void paragraph(const QString &text, Tone tone = Tone::Normal);
    // A statement: `lead` in bold ("Not recorded:"), then `text`, both in the tone's colour.
    void statement(const QString &lead, const QString &text, Tone tone);
    void keyValues(const QList<std::pair<QString, QString>> &pairs);
    void table(const QList<Column> &columns, const QList<Row> &rows);
    // `image` shown `widthFraction` of an A4 text width wide, named by a data: URL (the HTML stays self-contained).
    void image(const QImage &image, double widthFraction);

    // Printable text: control characters other than newline and tab as \xNN, so nothing invisible or
    // terminal-controlling passes into the document.
    static QString clean(const QString &text);

private:
    QTextCharFormat textFormat(Tone tone = Tone::Normal, qreal points = 0) const;
    QTextCharFormat monoFormat(Tone tone, qreal points) const;
    void newBlock(qreal topMargin = 0);

    QTextDocument &m_document;
    QTextCursor m_cursor;
    bool m_empty = true;
};

} // namespace Deck::Report
