// SPDX-License-Identifier: GPL-3.0-or-later
// A one-line progress display on stderr (flightrec and flightdeck-cli), shown only when stderr is a terminal; redrawn
// at most 10 times a second. "label 42%", or the label alone while the total is 0 (not known yet).
#pragma once

#include <QElapsedTimer>
#include <QString>

namespace Flight::Format {

class ProgressLine
{
public:
    ProgressLine();
    ~ProgressLine(); // clears the line

    void update(const QString &label, qint64 done, qint64 total);
    void clear();

private:
    bool m_enabled;
    bool m_shown = false;
    QElapsedTimer m_sinceDraw;
};

} // namespace Flight::Format
