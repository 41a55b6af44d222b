// SPDX-License-Identifier: GPL-3.0-or-later
// How far the replay of a host at T can be trusted, from what the case says it did not see (coveragequeries.h):
// - Unknown: T is outside the host's recording (before its first archive or after its last), the collector was not
//   running at T (between a rec.stop, or the end of the archives before a crash, and the next rec.start), or T falls
//   in archives missing from the hash chain.
// - Incomplete: between what the part is rebuilt from (its basis: the boot's start for processes, files and
//   connections; the check's snapshot for modules, BPF programs and packages) and T there is a loss of the part's
//   sources, a stop of the collector or missing archives; or no snapshot of the check precedes T.
// - Known otherwise: the case holds every event of the part from its basis to T.
// A value type; Thread: any. Errors: the store's (load).
#pragma once

#include "coveragequeries.h"

namespace Deck::Core {

enum class Knowledge { Known, Incomplete, Unknown };

struct Caveat
{
    enum class Kind { OutsideRecording, CollectorStopped, MissingArchives, Loss, NoSnapshot };
    Kind kind = Kind::OutsideRecording;
    qint64 from = 0; // the span it covers (for OutsideRecording: the recording's span, empty when none)
    qint64 to = 0;
    QString source; // Loss: the collector's source, e.g. file.fanotify
    qint64 count = 0; // Loss: how many were lost
    QString unit; // Loss: events | archives
};

struct PartKnowledge
{
    Knowledge knowledge = Knowledge::Known;
    QList<Caveat> caveats;
};

struct RecordedSpan
{
    std::optional<qint64> first; // the first archive's first event; absent when the host has none
    std::optional<qint64> last;
};

class ReplayKnowledge
{
public:
    static Expected<ReplayKnowledge> load(Database &db, qint64 hostId);

    // The part rebuilt from `basis` up to `at`, reading the losses whose source starts with one of `sources` (the
    // collector's own queue and retention always count).
    PartKnowledge judge(qint64 at, std::optional<qint64> basis, const QStringList &sources) const;

    RecordedSpan span;
    HostCoverage coverage;
};

QString knowledgeName(Knowledge knowledge);
// One English line (the CLI's; the GUI words its own): "file.fanotify lost 12 events from ... to ...".
QString caveatText(const Caveat &caveat);

} // namespace Deck::Core
