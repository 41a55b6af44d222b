// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel log records: the parser on /dev/kmsg fixture records (module taint, signature, eBPF warning, BPF verifier
// fragment, user-space lines), malformed records, the modules/BPF filter; and the live reader as root: it starts at
// the end of the log and reads a record written after it opened.
#include "fixtureroot.h"
#include "kmsg.h"
#include "kmsgreader.h"
#include "skip.h"

#include <QUuid>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;

namespace {

// The fixture holds one record per line, continuation lines (" KEY=value") after their record, as read(2) returns.
QList<QByteArray> fixtureRecords()
{
    QList<QByteArray> records;
    for (const QByteArray &line : fixture("kmsg-records").split('\n')) {
        if (line.startsWith(' ') && !records.isEmpty())
            records.back() += line + '\n';
        else if (!line.isEmpty())
            records.append(line + '\n');
    }
    return records;
}

// The sequence number of the newest record in the log now, read from the start with a reader of our own; -1 if none.
qint64 newestSeq()
{
    const int fd = ::open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    qint64 newest = -1;
    char buffer[16384];
    for (ssize_t n; fd >= 0 && ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EPIPE));) {
        if (n > 0) {
            if (const auto record = parseKmsgRecord(QByteArrayView(buffer, n)))
                newest = record->seq;
        }
    }
    if (fd >= 0)
        ::close(fd);
    return newest;
}

} // namespace

class TestKmsg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAndFilter()
    {
        QList<KmsgRecord> kept;
        for (const QByteArray &bytes : fixtureRecords()) {
            auto record = parseKmsgRecord(bytes);
            QVERIFY2(record, qPrintable(record.error().message));
            if (isAboutModulesOrBpf(*record))
                kept.append(*record);
        }
        QStringList seqs;
        for (const KmsgRecord &r : kept)
            seqs.append(QString::number(r.seq));
        // Not kept: the banner, vboxdrv's own chatter, the NIC, and a line user space wrote about a module.
        QCOMPARE(seqs, (QStringList{u"1022"_s, u"1023"_s, u"1025"_s, u"1028"_s, u"1029"_s, u"1030"_s}));
        QCOMPARE(kept[0],
                 (KmsgRecord{1022, 4, 0, 9820331, false, u"vboxdrv: loading out-of-tree module taints kernel."_s}));
        QVERIFY(kept[3].continuation);
        QCOMPARE(kept[3].text, u"BPF: \\x09 type_id=7 bits_offset=0"_s); // the kernel's own escape, kept
        const Flight::Format::KernelLog log = toKernelLog(kept[4]);
        QCOMPARE(log, (Flight::Format::KernelLog{1029, 5, u"nvidia: module license 'NVIDIA' taints kernel."_s}));
    }

    void userSpaceLinesAreNeverKept()
    {
        const auto record
            = parseKmsgRecord("12,1027,13100000,-;sshd[812]: this line was written by user space about a module\n");
        QVERIFY(record);
        QCOMPARE(record->facility, 1);
        QCOMPARE(record->level, 4);
        QVERIFY(!isAboutModulesOrBpf(*record));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no prefix") << QByteArray("hello\n") << u"without a 'prio,seq,ts,flags;' prefix"_s;
        QTest::newRow("short prefix") << QByteArray("6,1;x\n") << u"fewer than 4 fields"_s;
        QTest::newRow("letters") << QByteArray("6,x,1,-;x\n") << u"is not 'prio,seq,ts,flags'"_s;
        QTest::newRow("huge number") << QByteArray("6,99999999999999999999999,1,-;x\n") << u"is not"_s;
        QTest::newRow("negative") << QByteArray("6,-1,1,-;x\n") << u"is not"_s;
        QTest::newRow("prio") << QByteArray("5000,1,1,-;x\n") << u"is not"_s;
        QTest::newRow("long prefix") << QByteArray(300, '1') + ";x\n" << u"without a"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, reason);
        const auto parsed = parseKmsgRecord(record);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
    }

    void longTextIsCut()
    {
        const auto record = parseKmsgRecord("4,1,1,-;module " + QByteArray(20000, 'x') + '\n');
        QVERIFY(record);
        QCOMPARE(record->text.size(), 8192);
    }

    void openErrorNamesTheDevice()
    {
        KmsgReader reader(u"/nonexistent/kmsg"_s);
        const auto opened = reader.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().message, u"/nonexistent/kmsg: cannot open: no such file or directory"_s);
        QVERIFY(!reader.readAvailable());
    }

    void liveReaderStartsAtTheEnd()
    {
        const qint64 before = newestSeq();
        KmsgReader reader;
        const auto opened = reader.open();
        if (!opened && opened.error().message.contains(u"permission denied"_s))
            FLIGHT_SKIP("/dev/kmsg is not readable by this user");
        QVERIFY2(opened, qPrintable(opened.error().message));
        auto first = reader.readAvailable();
        QVERIFY2(first, qPrintable(first.error().message));

        const int writer = ::open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
        if (writer < 0 && errno == EACCES)
            FLIGHT_SKIP("/dev/kmsg is not writable by this user (needs root)");
        QVERIFY(writer >= 0);
        const QByteArray marker = "flight-integrity-test " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray line = "<4>" + marker + " module test line\n";
        QCOMPARE(::write(writer, line.constData(), size_t(line.size())), ssize_t(line.size()));
        ::close(writer);

        QList<KmsgRecord> records;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto batch = reader.readAvailable();
                if (batch)
                    records += batch->records;
                return std::any_of(records.cbegin(), records.cend(),
                                   [&](const KmsgRecord &r) { return r.text.contains(QString::fromLatin1(marker)); });
            }(),
            5000);
        const auto mine = std::find_if(records.cbegin(), records.cend(), [&](const KmsgRecord &r) {
            return r.text.contains(QString::fromLatin1(marker));
        });
        QCOMPARE(mine->level, 4);
        QCOMPARE(mine->facility, 1); // written by user space
        QVERIFY(!isAboutModulesOrBpf(*mine));
        // Nothing logged before open() was replayed.
        for (const KmsgRecord &r : std::as_const(first->records) + records)
            QVERIFY2(r.seq > before, qPrintable(r.text));
    }
};

QTEST_GUILESS_MAIN(TestKmsg)
#include "tst_kmsg.moc"
