// SPDX-License-Identifier: GPL-3.0-or-later
// Reads new kernel log records from /dev/kmsg: open() opens it non-blocking and seeks to the end (what the kernel
// logged before is not replayed); readAvailable() returns the records logged since, until the device has none. One
// read(2) returns one record. When the kernel overwrote records the reader had not read yet (EPIPE), they are
// counted as lost and reading continues with the oldest record still there. A malformed record is counted and
// skipped. The fd can be watched with a QSocketNotifier (readable when records arrive). One thread; not copyable.
#pragma once

#include "expected.h"
#include "kmsg.h"

#include <QList>
#include <QString>

namespace Flight::Integrity {

class KmsgReader
{
public:
    explicit KmsgReader(QString path = QStringLiteral("/dev/kmsg"));
    ~KmsgReader();
    KmsgReader(const KmsgReader &) = delete;
    KmsgReader &operator=(const KmsgReader &) = delete;

    // Fails naming the device and the reason (e.g. "permission denied").
    Expected<void> open();
    int fd() const { return m_fd; }

    struct Batch
    {
        QList<KmsgRecord> records; // every record read, in order; filter with isAboutModulesOrBpf()
        qint64 lost = 0; // records overwritten before they were read (a lower bound)
        qint64 malformed = 0;
    };
    // At most `maxRecords` records; call again while the batch is full. Fails on a read error other than
    // EAGAIN/EPIPE.
    Expected<Batch> readAvailable(qsizetype maxRecords = 4096);

private:
    QString m_path;
    int m_fd = -1;
    qint64 m_lastSeq = -1; // to count the records an EPIPE skipped
    bool m_overrun = false;
};

} // namespace Flight::Integrity
