// SPDX-License-Identifier: GPL-3.0-or-later
#include "sealer.h"

#include "chainstate.h"
#include "eventcodec.h"
#include "journal.h"
#include "linesplitter.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

namespace {
constexpr qint64 kMaxLine = 4 * 1024 * 1024;
} // namespace

Sealer::Sealer(Format::SigningKey key, SealOptions options)
    : m_key(std::move(key))
    , m_options(std::move(options))
{
}

Expected<std::optional<Format::SealedArchive>> Sealer::seal(const QString &journalFile, bool recovered,
                                                            const QMap<QString, qint64> &stats)
{
    QFile file(journalFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(journalFile, file.errorString())};
    auto meta = journalMetaFromJson(file.readLine(kMaxLine), journalFile);
    if (!meta)
        return meta.error();
    if (file.atEnd()) {
        file.remove();
        return std::optional<Format::SealedArchive>();
    }

    auto chain = ChainState::acquire(m_options.keyPath);
    if (!chain)
        return chain.error();
    Format::ArchiveHeader header{chain->lastSeq() + 1, chain->lastDigest(), recovered, meta->host, meta->collector};
    header.collector.stats = stats;
    const QString path
        = QDir(m_options.outbox)
              .filePath(u"%1-%2.frec"_s.arg(meta->host.hostname).arg(header.seq, 8, 10, QLatin1Char('0')));
    Format::WriterOptions writerOptions;
    writerOptions.recipient = m_options.recipient;
    Format::ArchiveWriter writer(path, m_key, header, writerOptions);
    if (auto opened = writer.open(); !opened)
        return opened.error();

    // Lines that cannot be decoded (a disk error, a torn write) are counted, not silently skipped.
    qint64 unreadable = 0;
    qint64 lastTs = 0, lastMono = 0;
    Format::LineSplitter lines(kMaxLine);
    QByteArray chunk;
    while (!(chunk = file.read(256 * 1024)).isEmpty()) {
        auto fed = lines.feed(chunk, [&](QByteArrayView line, qint64) -> Expected<void> {
            auto event = Format::decodeEvent(line);
            if (!event) {
                ++unreadable;
                return {};
            }
            lastTs = std::max(lastTs, event->ts);
            lastMono = std::max(lastMono, event->mono);
            return writer.appendEncoded(line.toByteArray() + '\n', *event);
        });
        if (!fed && !fed.error().message.contains(u"longer than"_s))
            return fed.error();
        if (!fed)
            ++unreadable;
    }
    const bool torn = !lines.finish();
    if (unreadable > 0 || torn) {
        const QString reason = torn
            ? u"the collector stopped without a clean shutdown; events after the journal's last fsync are lost"_s
            : u"journal lines that could not be read back"_s;
        if (auto appended = writer.append({lastTs, lastMono,
                                           Format::RecorderLoss{u"journal"_s,
                                                                std::max<qint64>(unreadable + (torn ? 1 : 0), 1),
                                                                Format::LossUnit::Events,
                                                                reason,
                                                                {},
                                                                {},
                                                                {},
                                                                {}}});
            !appended)
            return appended.error();
    }
    if (writer.eventCount() == 0) {
        writer.abort();
        file.remove();
        return std::optional<Format::SealedArchive>();
    }
    auto sealed = writer.finish();
    if (!sealed)
        return sealed.error();
    if (auto advanced = chain->advance(sealed->manifest.seq, sealed->digest); !advanced)
        return advanced.error();
    file.remove();
    return std::optional<Format::SealedArchive>(std::move(*sealed));
}

} // namespace Flight::Recorder
