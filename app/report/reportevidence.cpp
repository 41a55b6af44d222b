// SPDX-License-Identifier: GPL-3.0-or-later
// The evidence sections of the report: every archive the report rests on (signer, verdict, chain status, where it
// came from and when it was imported), the archives held back, and the chain of custody from the audit log.
#include "reportdocument.h"
#include "reporttext.h"

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Report {

using Tone = ReportCursor::Tone;

void ReportDocument::evidence()
{
    m_out.heading(tr("8  Evidence"));
    m_out.paragraph(tr("Every archive this report rests on. Each was verified when it was imported: its Ed25519 "
                       "signature by a trusted host key, the BLAKE2b digest of every entry, and its place in the "
                       "key's hash chain (sequence number and the previous archive's digest)."),
                    Tone::Quiet);
    if (m_data.archives.isEmpty()) {
        m_out.statement(tr("Not recorded:"), tr("no archive in the case covers the scope of this report."),
                        Tone::Warning);
    } else {
        QList<ReportCursor::Row> rows;
        for (const EvidenceArchive &a : m_data.archives) {
            QString chain = a.chain == "first"_L1 ? tr("first of its key")
                : a.chain == "gap"_L1             ? tr("gap: %1 missing before it").arg(a.missingBefore)
                : a.chain == "late"_L1            ? tr("late: filled a gap")
                                                  : tr("intact");
            QStringList verdict{tr("valid, trusted signer")};
            if (a.encrypted)
                verdict << tr("decrypted");
            if (a.recovered)
                verdict << tr("sealed from a recovered journal");
            const QString detail = tr("digest %1\nsigner %2\nsource %3").arg(a.digest, a.fingerprint, a.source);
            rows.append(
                {{a.hostname, QString::number(a.seq), reportSpan(a.firstTs, a.lastTs), QString::number(a.events), chain,
                  verdict.join(u", "_s), tr("%1\n%2").arg(reportTime(a.importedTs), a.importedBy)},
                 detail,
                 a.chain == "gap"_L1 ? Tone::Warning : Tone::Normal});
        }
        m_out.table({{tr("Host"), 10},
                     {tr("Seq"), 6},
                     {tr("Events from – to (UTC)"), 24},
                     {tr("Events"), 8},
                     {tr("Chain"), 14},
                     {tr("Verification"), 16},
                     {tr("Imported (UTC), by"), 22}},
                    rows);
    }
    m_out.subheading(tr("Archives held back"));
    if (m_data.held.isEmpty()) {
        m_out.paragraph(tr("None: no archive of these hosts is held in quarantine."), Tone::Quiet);
        return;
    }
    m_out.paragraph(tr("These archives are not part of the evidence above: they are held until an analyst decides "
                       "(an untrusted signer, or a second archive with a sequence number already taken — a fork)."),
                    Tone::Quiet);
    QList<ReportCursor::Row> rows;
    for (const HeldArchive &h : m_data.held) {
        rows.append({{h.hostname, QString::number(h.seq), h.reason, QString::number(h.events), reportTime(h.heldTs)},
                     tr("digest %1\nsigner %2\nfile %3\n%4").arg(h.digest, h.fingerprint, h.path, h.detail),
                     Tone::Warning});
    }
    m_out.table(
        {{tr("Host"), 16}, {tr("Seq"), 10}, {tr("Held because"), 34}, {tr("Events"), 14}, {tr("Held since (UTC)"), 26}},
        rows);
}

void ReportDocument::custody()
{
    m_out.heading(tr("9  Chain of custody"));
    m_out.paragraph(tr("The case's audit log: who imported, refused, held, trusted, exported or marked what, and "
                       "when. Each entry was written in the same transaction as the change it records."),
                    Tone::Quiet);
    if (m_data.custodyOutOfScope > 0)
        m_out.paragraph(
            tr("%1 entries about archives, notes or bookmarks outside the scope of this report are left out.")
                .arg(m_data.custodyOutOfScope),
            Tone::Quiet);
    if (m_data.custody.isEmpty()) {
        m_out.paragraph(tr("The audit log is empty."), Tone::Warning);
        return;
    }
    QList<ReportCursor::Row> rows;
    for (const AuditEntry &entry : m_data.custody) {
        const bool refused = entry.action == "refuse"_L1 || entry.action == "fork"_L1;
        rows.append({{reportTime(entry.ts), entry.actor, entry.action, entry.object},
                     entry.detail,
                     refused ? Tone::Warning : Tone::Normal});
    }
    m_out.table({{tr("Time (UTC)"), 23}, {tr("Actor"), 14}, {tr("Action"), 10}, {tr("Object"), 53, true}}, rows);
}

} // namespace Deck::Report
