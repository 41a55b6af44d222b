// SPDX-License-Identifier: GPL-3.0-or-later
// The marks of one object as the tables show them beside it (the process tree's name, the events table's time): a
// blue bookmark ribbon for a bookmark, the notes' amber square for a note, both side by side when it has both (the
// bookmark's place left empty for a note alone, so that the squares line up), and a tool tip that says which
// ("Bookmarked", "Note: ..."). An object without marks has a blank picture of the same size in a column that may show
// one, so that the text of every row of the column starts at the same x (a marker pushed the time of a marked row
// right of the unmarked rows' times). The pictures are images (no pixmaps: a model may live without a GUI), made once
// per process, all of one size.
// Thread: any.
#pragma once

#include "notesfeed.h"

#include <QImage>
#include <QVariant>

namespace Deck::Models {

struct ObjectMarks
{
    bool bookmarked = false;
    QString note; // the notes' text, several joined by new lines; empty: none

    bool any() const { return bookmarked || !note.isEmpty(); }
};

// The marks of the object keyed (int(ObjectType), id) in the feed's tables.
ObjectMarks marksOf(const NoteTexts &notes, const BookmarkedObjects &bookmarked, const QPair<int, qint64> &key);

// The marker picture for these marks; a null image for none.
QImage markImage(bool bookmarked, bool noted);
// The width a marker takes before a cell's text (with the gap to the text): a column that may show one reserves it.
int markWidth();
// For Qt::DecorationRole of a column that may show marks: the marker picture, or for an object without marks the
// blank picture of the same size (transparent), which keeps the marker's place.
QVariant markDecoration(const ObjectMarks &marks);
// "Bookmarked", "Note: <text>" or both on two lines; empty for none.
QString markToolTip(const ObjectMarks &marks);

} // namespace Deck::Models
