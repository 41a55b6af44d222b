// SPDX-License-Identifier: GPL-3.0-or-later
// BPF programs: the item of a constructed bpf_prog_info, type names, and live: a socket filter loaded with
// bpf(BPF_PROG_LOAD) appears in the inventory with its type and name, is marked own when the provider says so, and
// is gone once its last fd is closed; the diff says so with the right severity.
#include "bpfcheck.h"
#include "skip.h"
#include "socketfilter.h"
#include "statediff.h"

#include <QDateTime>
#include <QTest>
#include <cerrno>
#include <cstring>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using namespace Flight::TestSupport;
using Flight::Format::AttrValue;
using Flight::Format::Severity;
using Flight::Format::StateItem;

namespace {

const StateItem *find(const QList<StateItem> &items, const QString &id)
{
    const auto it = std::find_if(items.cbegin(), items.cend(), [&](const StateItem &i) { return i.id == id; });
    return it == items.cend() ? nullptr : &*it;
}

} // namespace

class TestBpfCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemOfConstructedInfo()
    {
        bpf_prog_info info = {};
        info.type = BPF_PROG_TYPE_KPROBE;
        info.id = 42;
        const unsigned char tag[8] = {0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03};
        std::memcpy(info.tag, tag, sizeof tag);
        info.load_time = 5'000'000'000ULL; // 5 s after boot
        info.created_by_uid = 1000;
        std::memcpy(info.name, "trace_exec", 11);
        const StateItem item = bpfProgramItem(info, {12, 7}, 1'700'000'000'000'000'000LL, true);
        QCOMPARE(item,
                 (StateItem{u"42"_s,
                            {{u"type"_s, u"kprobe"_s},
                             {u"name"_s, u"trace_exec"_s},
                             {u"tag"_s, u"deadbeef00010203"_s},
                             {u"loaded_ts"_s, 1'700'000'005'000'000'000LL},
                             {u"uid"_s, qint64(1000)},
                             {u"map_ids"_s, u"7,12"_s},
                             {u"own"_s, true}}}));
    }

    void hostileInfo()
    {
        bpf_prog_info info = {};
        info.type = 4000;
        info.id = 1;
        std::memset(info.name, 0xff, sizeof info.name); // no NUL, not UTF-8
        info.load_time = ~0ULL;
        const StateItem item = bpfProgramItem(info, {}, 0, false);
        QCOMPARE(item.attrs.value(u"type"_s), AttrValue(u"type_4000"_s));
        QCOMPARE(item.attrs.value(u"name"_s), AttrValue(QString(u"\\xff"_s).repeated(sizeof info.name)));
        QCOMPARE(item.attrs.value(u"map_ids"_s), AttrValue(QString()));
        QVERIFY(std::get<qint64>(item.attrs.value(u"loaded_ts"_s)) > 0);
    }

    void typeNames()
    {
        QCOMPARE(bpfProgTypeName(BPF_PROG_TYPE_SOCKET_FILTER), u"socket_filter"_s);
        QCOMPARE(bpfProgTypeName(BPF_PROG_TYPE_TRACING), u"tracing"_s);
        QCOMPARE(bpfProgTypeName(BPF_PROG_TYPE_LSM), u"lsm"_s);
        QCOMPARE(bpfProgTypeName(32), u"netfilter"_s);
    }

    void liveSocketFilterComesAndGoes()
    {
        const int fd = loadSocketFilter("flight_test");
        if (fd == -EPERM || fd == -EACCES)
            FLIGHT_SKIP("bpf(BPF_PROG_LOAD) is not permitted to this process (needs CAP_BPF or CAP_SYS_ADMIN)");
        QVERIFY2(fd >= 0, qPrintable(u"BPF_PROG_LOAD: "_s + QString::fromLocal8Bit(std::strerror(-fd))));
        const quint32 id = bpfProgramId(fd);
        QVERIFY(id != 0);
        bool ownIt = false;
        BpfCheck check([&] { return ownIt ? QSet<quint32>{id} : QSet<quint32>{}; });

        const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
        auto loaded = check.observe();
        QVERIFY2(loaded, qPrintable(loaded.error().message));
        const StateItem *item = find(*loaded, QString::number(id));
        QVERIFY(item);
        QCOMPARE(item->attrs.value(u"type"_s), AttrValue(u"socket_filter"_s));
        QCOMPARE(item->attrs.value(u"name"_s), AttrValue(u"flight_test"_s));
        QCOMPARE(item->attrs.value(u"uid"_s), AttrValue(qint64(::getuid())));
        QCOMPARE(item->attrs.value(u"own"_s), AttrValue(false));
        QCOMPARE(std::get<QString>(item->attrs.value(u"tag"_s)).size(), 16);
        const qint64 loadedTs = std::get<qint64>(item->attrs.value(u"loaded_ts"_s));
        QVERIFY2(std::abs(loadedTs - before) < 5'000'000'000LL, "load time within 5 s of now");

        ownIt = true;
        auto marked = check.observe();
        QVERIFY(marked);
        QCOMPARE(find(*marked, QString::number(id))->attrs.value(u"own"_s), AttrValue(true));
        ownIt = false;

        ::close(fd);
        // The kernel frees a program after an RCU grace period.
        QList<StateItem> gone;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto now = check.observe();
                gone = now ? *now : QList<StateItem>{};
                return now && !find(gone, QString::number(id));
            }(),
            10000);
        // Other tests may load programs meanwhile: diff this program only.
        const auto only = [&](const QList<StateItem> &items) {
            const StateItem *ours = find(items, QString::number(id));
            return ours ? QList<StateItem>{*ours} : QList<StateItem>{};
        };
        const auto change = diffState(u"bpf"_s, only(*loaded), only(gone));
        QVERIFY(change);
        QCOMPARE(change->severity, Severity::High);
        QCOMPARE(change->removed, only(*loaded));
        // The same disappearance of the collector's own program is recorded but low.
        const auto own = diffState(u"bpf"_s, only(*marked), only(gone));
        QVERIFY(own);
        QCOMPARE(own->severity, Severity::Low);
    }
};

QTEST_GUILESS_MAIN(TestBpfCheck)
#include "tst_bpfcheck.moc"
