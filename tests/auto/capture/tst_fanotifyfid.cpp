// SPDX-License-Identifier: GPL-3.0-or-later
// parseFidEvent and pidfdOf on hand-built fanotify event records: a create, an access, a rename, records to skip, a
// queue overflow; malformed records rejected with the byte offset and what is wrong; every truncation and every
// corrupted byte of a valid record handled without reading past it. FidResolver's memory of removed directories.
#include "fanotifyfid.h"

#include <QTest>
#include <cstring>
#include <fcntl.h>
#include <sys/fanotify.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;

namespace {

constexpr quint64 kFsid = 0x1122334455667788;

template <typename T> QByteArray bytesOf(const T &value)
{
    return QByteArray(reinterpret_cast<const char *>(&value), sizeof value);
}

QByteArray infoHeader(quint8 type, qsizetype length)
{
    return bytesOf(fanotify_event_info_header{type, 0, quint16(length)});
}

// An info record as the kernel lays it out: header, fsid, struct file_handle, then (for a name record) the name and
// padding to 4 bytes. `name` is taken as is: a test leaves out the NUL by passing one without it.
QByteArray fidRecord(quint8 type, const QByteArray &handle, const QByteArray &name = {})
{
    QByteArray body = bytesOf(kFsid) + bytesOf(quint32(handle.size())) + bytesOf(qint32(1)) + handle + name;
    while ((body.size() + 4) % 4)
        body.append('\0');
    return infoHeader(type, body.size() + 4) + body;
}

QByteArray entryRecord(quint8 type, const QByteArray &name)
{
    return fidRecord(type, "DIRHANDLE", name + '\0');
}

QByteArray pidfdRecord(int pidfd)
{
    return bytesOf(fanotify_event_info_pidfd{{FAN_EVENT_INFO_TYPE_PIDFD, 0, sizeof(fanotify_event_info_pidfd)}, pidfd});
}

QByteArray eventRecord(quint64 mask, const QByteArray &records)
{
    fanotify_event_metadata metadata = {};
    metadata.event_len = quint32(sizeof metadata + size_t(records.size()));
    metadata.vers = FANOTIFY_METADATA_VERSION;
    metadata.metadata_len = sizeof metadata;
    metadata.mask = mask;
    metadata.fd = FAN_NOFD;
    metadata.pid = 4242;
    return bytesOf(metadata) + records;
}

QByteArray validCreate()
{
    return eventRecord(FAN_CREATE,
                       entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "new-file")
                           + fidRecord(FAN_EVENT_INFO_TYPE_FID, "FILEHANDLE") + pidfdRecord(7));
}

// `record` with the metadata's 16-bit field at `offset` set to `value` (event_len is 32-bit at 0; vers at 4).
QByteArray patched(QByteArray record, qsizetype offset, quint16 value)
{
    std::memcpy(record.data() + offset, &value, sizeof value);
    return record;
}

} // namespace

class TestFanotifyFid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create()
    {
        const auto parsed = parseFidEvent(validCreate());
        QVERIFY2(parsed, qPrintable(parsed.error().message));
        QCOMPARE(parsed->mask, quint64(FAN_CREATE));
        QCOMPARE(parsed->pid, 4242);
        QVERIFY(parsed->entry);
        QCOMPARE(parsed->entry->name, "new-file");
        QCOMPARE(parsed->entry->dir, (FileId{kFsid, 1, "DIRHANDLE"}));
        QCOMPARE(parsed->target, (FileId{kFsid, 1, "FILEHANDLE"}));
        QVERIFY(!parsed->from && !parsed->to);
        QCOMPARE(pidfdOf(validCreate()), 7);
    }

    // What the access group reads: an open, exec or close-after-write with its directory entry and its file handle.
    void access()
    {
        const QByteArray record = eventRecord(FAN_OPEN | FAN_CLOSE_WRITE,
                                              entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "written")
                                                  + fidRecord(FAN_EVENT_INFO_TYPE_FID, "FILEHANDLE") + pidfdRecord(9));
        const auto parsed = parseFidEvent(record);
        QVERIFY2(parsed, qPrintable(parsed.error().message));
        QCOMPARE(parsed->mask, quint64(FAN_OPEN | FAN_CLOSE_WRITE));
        QVERIFY(parsed->entry);
        QCOMPARE(parsed->entry->name, "written");
        QCOMPARE(parsed->target, (FileId{kFsid, 1, "FILEHANDLE"}));
        QCOMPARE(pidfdOf(record), 9);
    }

    // A removed directory's last path outlives its removal until forgetRemovedBefore() passes it; one never seen has
    // none.
    void removedDirectoriesAreKeptUntilForgotten()
    {
        FidResolver resolver;
        const FileId dir{kFsid, 1, "DIRHANDLE"}, unseen{kFsid, 1, "OTHER"};
        resolver.directorySeen(dir, "/srv/a");
        resolver.directoryRemoved(dir, 100);
        resolver.directoryRemoved(unseen, 100);
        QCOMPARE(resolver.lastPathOf(dir), "/srv/a");
        QCOMPARE(resolver.lastPathOf(unseen), QByteArray());
        resolver.forgetRemovedBefore(100);
        QCOMPARE(resolver.lastPathOf(dir), "/srv/a");
        resolver.forgetRemovedBefore(101);
        QCOMPARE(resolver.lastPathOf(dir), QByteArray());
        // Nothing opens without a registered filesystem.
        QVERIFY(!resolver.inodeOf(dir));
        QVERIFY(!resolver.resolvedInBatch(dir));
        resolver.setResolvedInBatch(dir, {"/srv/b", 7});
        QCOMPARE(resolver.resolvedInBatch(dir)->path, "/srv/b");
        resolver.newBatch();
        QVERIFY(!resolver.resolvedInBatch(dir));
    }

    void renameOfADirectory()
    {
        const QByteArray record = eventRecord(FAN_RENAME | FAN_ONDIR,
                                              entryRecord(FAN_EVENT_INFO_TYPE_OLD_DFID_NAME, "old")
                                                  + entryRecord(FAN_EVENT_INFO_TYPE_NEW_DFID_NAME, "new name"));
        const auto parsed = parseFidEvent(record);
        QVERIFY2(parsed, qPrintable(parsed.error().message));
        QCOMPARE(parsed->from->name, "old");
        QCOMPARE(parsed->to->name, "new name");
        QVERIFY(!parsed->entry && !parsed->target);
        QCOMPARE(pidfdOf(record), FAN_NOPIDFD);
    }

    void recordsNotUsedAreSkippedByTheirLength()
    {
        const QByteArray unknown = infoHeader(99, 12) + "whatever";
        const QByteArray record
            = eventRecord(FAN_DELETE,
                          unknown + fidRecord(FAN_EVENT_INFO_TYPE_DFID, "PARENT")
                              + entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "gone") + pidfdRecord(FAN_EPIDFD));
        const auto parsed = parseFidEvent(record);
        QVERIFY2(parsed, qPrintable(parsed.error().message));
        QCOMPARE(parsed->entry->name, "gone");
        QCOMPARE(pidfdOf(record), FAN_EPIDFD);
    }

    void overflowHasNoRecords()
    {
        const auto parsed = parseFidEvent(eventRecord(FAN_Q_OVERFLOW, {}));
        QVERIFY2(parsed, qPrintable(parsed.error().message));
        QCOMPARE(parsed->mask, quint64(FAN_Q_OVERFLOW));
    }

    void malformedRecordsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("reason");
        const QByteArray name = entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "f");
        QTest::newRow("shorter than metadata") << validCreate().left(10) << u"10 bytes are too few"_s;
        QTest::newRow("version") << patched(validCreate(), 4, 2) << u"metadata version 2"_s;
        QTest::newRow("event longer than read") << validCreate().chopped(4) << u"in a record of"_s;
        QTest::newRow("metadata length short") << patched(validCreate(), 6, 8) << u"metadata length 8"_s;
        QTest::newRow("metadata length past event")
            << patched(eventRecord(FAN_Q_OVERFLOW, {}), 6, 200) << u"metadata length 200"_s;
        QTest::newRow("bytes left after records") << eventRecord(FAN_CREATE, name + "xy") << u"2 bytes left"_s;
        QTest::newRow("zero-length record")
            << eventRecord(FAN_CREATE, infoHeader(99, 0) + name) << u"type 99 claims 0 bytes"_s;
        QTest::newRow("record past event") << eventRecord(FAN_CREATE, name.left(16)) << u"claims"_s;
        QTest::newRow("fid record without handle")
            << eventRecord(FAN_CREATE, infoHeader(FAN_EVENT_INFO_TYPE_DFID_NAME, 12) + bytesOf(kFsid))
            << u"too short for its fixed part"_s;
        QByteArray overrun = name;
        const quint32 huge = 40; // the handle claims more than its record holds
        std::memcpy(overrun.data() + 12, &huge, sizeof huge);
        QTest::newRow("handle past record") << eventRecord(FAN_CREATE, overrun) << u"handle of 40 bytes"_s;
        QTest::newRow("empty handle") << eventRecord(FAN_CREATE,
                                                     fidRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, {}, "f"_ba + '\0'))
                                      << u"handle of 0 bytes"_s;
        QTest::newRow("handle beyond MAX_HANDLE_SZ")
            << eventRecord(FAN_CREATE, fidRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, QByteArray(200, 'h'), "f"_ba + '\0'))
            << u"handle of 200 bytes"_s;
        QTest::newRow("name without NUL")
            << eventRecord(FAN_CREATE, fidRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "DIRHANDLE", "sevench")) // no padding
            << u"does not end"_s;
        QTest::newRow("empty name") << eventRecord(FAN_CREATE, entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, {}))
                                    << u"\"\" is not a name"_s;
        QTest::newRow("name with slash") << eventRecord(FAN_CREATE,
                                                        entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "../etc"))
                                         << u"\"../etc\" is not a name"_s;
        QTest::newRow("dot-dot") << eventRecord(FAN_DELETE, entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, ".."))
                                 << u"\"..\" is not a name"_s;
        QTest::newRow("two entries") << eventRecord(FAN_CREATE, name + name) << u"a second directory entry"_s;
        QTest::newRow("two targets") << eventRecord(
            FAN_CREATE, name + fidRecord(FAN_EVENT_INFO_TYPE_FID, "A") + fidRecord(FAN_EVENT_INFO_TYPE_FID, "B"))
                                     << u"a second file handle"_s;
        QTest::newRow("create without entry")
            << eventRecord(FAN_CREATE, fidRecord(FAN_EVENT_INFO_TYPE_FID, "A")) << u"create or delete without"_s;
        QTest::newRow("rename without new name")
            << eventRecord(FAN_RENAME, entryRecord(FAN_EVENT_INFO_TYPE_OLD_DFID_NAME, "old"))
            << u"rename without its old and new"_s;
        QTest::newRow("short pidfd record")
            << eventRecord(FAN_CREATE, name + infoHeader(FAN_EVENT_INFO_TYPE_PIDFD, 4)) << u"short pidfd"_s;
    }

    void malformedRecordsAreRejected()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, reason);
        const auto parsed = parseFidEvent(record);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.startsWith(u"fanotify event: "_s), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
        pidfdOf(record); // must not read outside the record either
    }

    void pidfdOfARejectedRecordIsStillFound()
    {
        // The pidfd comes before the damage: whoever read the event must still be able to close it.
        const QByteArray record
            = eventRecord(FAN_CREATE, pidfdRecord(9) + infoHeader(FAN_EVENT_INFO_TYPE_DFID_NAME, 8) + "xxxx");
        QVERIFY(!parseFidEvent(record));
        QCOMPARE(pidfdOf(record), 9);
    }

    void everyTruncationAndCorruptionIsHandled()
    {
        const QByteArray valid = validCreate();
        // Cut after a whole record, the event is shorter but valid: a create needs only its directory entry.
        const qsizetype entryEnd = qsizetype(sizeof(fanotify_event_metadata))
            + entryRecord(FAN_EVENT_INFO_TYPE_DFID_NAME, "new-file").size();
        const QList<qsizetype> wholeRecords{entryEnd,
                                            entryEnd + fidRecord(FAN_EVENT_INFO_TYPE_FID, "FILEHANDLE").size()};
        for (qsizetype size = 0; size < valid.size(); ++size) {
            // Each prefix is given its own length as event_len as well, so that the walk is what gets tested.
            QByteArray cut = valid.left(size);
            if (size >= 4) {
                const quint32 length = quint32(size);
                std::memcpy(cut.data(), &length, sizeof length);
            }
            QVERIFY2(bool(parseFidEvent(cut)) == wholeRecords.contains(size),
                     qPrintable(u"prefix of %1 bytes"_s.arg(size)));
            pidfdOf(cut);
        }
        int accepted = 0;
        for (qsizetype at = 0; at < valid.size(); ++at) {
            for (const char value : {'\0', '\x01', '\x7f', '\xff'}) {
                QByteArray corrupt = valid;
                corrupt[at] = value;
                const auto parsed = parseFidEvent(corrupt);
                if (parsed) {
                    ++accepted;
                    QVERIFY(parsed->entry && !parsed->entry->name.isEmpty() && !parsed->entry->name.contains('/'));
                }
                pidfdOf(corrupt);
            }
        }
        qInfo("%d of %lld corrupted records still parse (a changed mask, pid, handle byte or padding)", accepted,
              static_cast<long long>(valid.size() * 4));
    }
};

QTEST_GUILESS_MAIN(TestFanotifyFid)
#include "tst_fanotifyfid.moc"
