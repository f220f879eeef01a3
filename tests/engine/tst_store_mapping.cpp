// Mapping profiles: the shipped Sysmon profile on real OTRF events, and profile files.
#include "store/mapping.h"
#include "store/workspace.h"
#include "support/test_paths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace eqlwb;

namespace {

std::string firstString(const FieldColumn& c, size_t row)
{
    for (uint32_t k = c.offsets[row]; k < c.offsets[row + 1]; ++k) {
        if (auto* s = std::get_if<std::string>(&c.values[k]))
            return *s;
    }
    return {};
}

size_t rowsWith(const FieldColumn& c)
{
    size_t n = 0;
    for (size_t r = 0; r + 1 < c.offsets.size(); ++r)
        n += c.offsets[r + 1] > c.offsets[r] ? 1 : 0;
    return n;
}

const char* kRawSysmon
    = R"({"EventID":22,"UtcTime":"2019-12-05 01:49:47.174","ProcessGuid":"{a1}","ProcessId":"3024","ProcessID":3140,)"
      R"("Image":"C:\\Windows\\system32\\svchost.exe","QueryName":"pastebin.com","Hostname":"IT001.shire.com",)"
      R"("User":"SHIRE\\bob","UserID":"S-1-5-18","QueryResults":"type:  5 x.com;::ffff:172.18.39.5;-;",)"
      R"("@timestamp":"2019-12-05T01:49:50.333Z","host":"collector"})";

} // namespace

class TestStoreMapping : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_{eqlwb::test::tempDir() + "/store-map-XXXXXX"};

private slots:
    void theSysmonProfileShipsInsideTheEngine()
    {
        auto p = MappingProfile::load("sysmon");
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message.c_str());
        QCOMPARE(QString::fromStdString((*p)->name()), QString("sysmon"));
        QVERIFY(!(*p)->detectFields().empty());
    }

    void anUnknownProfileNameSaysWhichShip()
    {
        auto p = MappingProfile::load("no-such-profile");
        QVERIFY(!p.ok());
        QVERIFY(QString::fromStdString(p.error().message).contains("sysmon"));
    }

    void aBrokenProfileFileIsAClearError()
    {
        const QString path = tmp_.path() + "/broken.json";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"x","derive":[{"op":"explode","from":"a","to":"b"}]})");
        f.close();
        auto p = MappingProfile::load(path.toStdString());
        QVERIFY(!p.ok());
        QVERIFY(QString::fromStdString(p.error().message).contains("explode"));
    }

    void mapsOneRawSysmonDnsEventToEcs()
    {
        const QString path = tmp_.path() + "/one.jsonl";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(kRawSysmon) + "\n");
        f.close();
        auto ws = Workspace::open((tmp_.path() + "/one.eqlwb").toStdString());
        QVERIFY(ws.ok());
        ImportOptions o;
        o.mapping = "sysmon";
        QVERIFY((*ws)->import({path.toStdString()}, o).ok());
        auto& w = **ws;
        QCOMPARE(firstString(*w.column("process.name"), 0), std::string("svchost.exe"));
        QCOMPARE(firstString(*w.column("process.executable"), 0),
            std::string(R"(C:\Windows\system32\svchost.exe)"));
        QCOMPARE(firstString(*w.column("dns.question.name"), 0), std::string("pastebin.com"));
        QCOMPARE(firstString(*w.column("network.protocol"), 0), std::string("dns"));
        QCOMPARE(firstString(*w.column("event.category"), 0), std::string("network"));
        QCOMPARE(firstString(*w.column("host.name"), 0), std::string("IT001.shire.com"));
        QCOMPARE(firstString(*w.column("user.domain"), 0), std::string("SHIRE"));
        QCOMPARE(firstString(*w.column("user.name"), 0), std::string("bob"));
        QCOMPARE(firstString(*w.column("user.id"), 0), std::string("S-1-5-18"));
        QCOMPARE(firstString(*w.column("dns.resolved_ip"), 0), std::string("172.18.39.5"));
        QCOMPARE(firstString(*w.column("event.created"), 0), std::string("2019-12-05T01:49:50.333Z"));
        auto pid = w.column("process.pid");
        QCOMPARE(pid->values.size(), size_t(1)); // ProcessId wins over ProcessID, as in the reference mapper
        QVERIFY(pid->values[0] == Value(int64_t(3024)));
        QCOMPARE(w.eventIndex()->timestamps[0], int64_t(1575510587174) * 1000000);
        QCOMPARE(firstString(*w.column("winlog.event_data.QueryName"), 0), std::string("pastebin.com"));
    }

    void mapsTheRealOtrfSysmonFileWithTheSeedRulesFields()
    {
        EQLWB_REQUIRE_SHARED();
        const QString raw = eqlwb::test::sharedDir() + "/datasets/otrf-sysmon-dns/otrf_sysmon_dns_raw.jsonl";
        auto ws = Workspace::open((tmp_.path() + "/otrf.eqlwb").toStdString());
        QVERIFY(ws.ok());
        ImportOptions o;
        o.mapping = "sysmon";
        auto r = (*ws)->import({raw.toStdString()}, o);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(int(r->events), 1996);
        QCOMPARE(int(r->rejected), 0);
        auto& w = **ws;
        for (const char* field : {"event.category", "network.protocol", "dns.question.name", "process.name",
                 "process.executable", "host.name", "host.os.type"}) {
            auto c = w.column(field);
            QVERIFY(c.ok());
            QVERIFY2(rowsWith(*c) == 1996, field);
        }
        QVERIFY(rowsWith(*w.column("user.id")) > 0);
        QCOMPARE(int(rowsWith(*w.column("process.pid"))), 1912); // as the reference mapper
        // Every event has a time, from Sysmon's UtcTime.
        const auto index = w.eventIndex();
        QVERIFY(index.ok());
        for (int64_t t : index->timestamps)
            QVERIFY(t != std::numeric_limits<int64_t>::min());
        // The seed rule's story: a tunnelling or paste service among the lookups.
        auto names = w.column("dns.question.name");
        bool abused = false;
        for (const auto& v : names->values) {
            const auto& s = std::get<std::string>(v);
            abused = abused || s.find("githubusercontent") != std::string::npos
                || s.find("pastebin") != std::string::npos || s.find("ngrok") != std::string::npos
                || s.find("dropbox") != std::string::npos;
        }
        QVERIFY(abused);
        // Same answers as the reference mapper for the first event.
        QCOMPARE(firstString(*w.column("process.name"), 0), std::string("svchost.exe"));
        QCOMPARE(firstString(*w.column("dns.question.name"), 0), std::string("HFDC01.shire.com"));
        QCOMPARE(firstString(*w.column("dns.resolved_ip"), 0), std::string("172.18.39.5"));
    }

    void agreesWithTheReferenceMapperOnEveryEvent()
    {
        EQLWB_REQUIRE_SHARED();
        const QString dir = eqlwb::test::sharedDir() + "/datasets/otrf-sysmon-dns/";
        auto mapped = Workspace::open((tmp_.path() + "/mapped.eqlwb").toStdString());
        auto reference = Workspace::open((tmp_.path() + "/reference.eqlwb").toStdString());
        ImportOptions o;
        o.mapping = "sysmon";
        QVERIFY((*mapped)->import({(dir + "otrf_sysmon_dns_raw.jsonl").toStdString()}, o).ok());
        QVERIFY((*reference)->import({(dir + "otrf_sysmon_dns_ecs.ndjson").toStdString()}).ok());
        for (const char* field : {"@timestamp", "event.category", "event.type", "network.protocol",
                 "dns.question.name", "dns.resolved_ip", "process.name", "process.executable", "process.pid",
                 "process.entity_id", "host.name", "user.id", "user.name", "user.domain", "event.created"}) {
            auto a = (*mapped)->column(field);
            auto b = (*reference)->column(field);
            QVERIFY(a.ok() && b.ok());
            QVERIFY2(a->offsets == b->offsets, field);
            QVERIFY2(a->values == b->values, field);
        }
        QCOMPARE((*mapped)->eventIndex()->timestamps, (*reference)->eventIndex()->timestamps);
    }

    void usersLoadTheirOwnProfileFromAFile()
    {
        const QString profile = tmp_.path() + "/mine.json";
        QFile pf(profile);
        QVERIFY(pf.open(QIODevice::WriteOnly));
        pf.write(R"({"name":"fw","timestamp":"time","copy":{"src":"source.ip","app":["process.name","x.app"]},
                    "set":{"event.kind":"event"},
                    "when":[{"field":"action","equals":"deny","set":{"event.outcome":"failure"}}]})");
        pf.close();
        const QString log = tmp_.path() + "/fw.ndjson";
        QFile lf(log);
        QVERIFY(lf.open(QIODevice::WriteOnly));
        lf.write("{\"time\":\"2024-01-01T00:00:00Z\",\"src\":\"10.0.0.1\",\"app\":\"curl.exe\",\"action\":"
                 "\"deny\"}\n"
                 "{\"src\":\"10.0.0.2\",\"action\":\"allow\"}\n");
        lf.close();
        auto ws = Workspace::open((tmp_.path() + "/fw.eqlwb").toStdString());
        ImportOptions o;
        o.mapping = profile.toStdString();
        auto r = (*ws)->import({log.toStdString()}, o);
        QVERIFY(r.ok());
        auto& w = **ws;
        QCOMPARE(firstString(*w.column("source.ip"), 1), std::string("10.0.0.2"));
        QCOMPARE(firstString(*w.column("x.app"), 0), std::string("curl.exe"));
        QCOMPARE(firstString(*w.column("event.kind"), 1), std::string("event"));
        QCOMPARE(firstString(*w.column("event.outcome"), 0), std::string("failure"));
        QCOMPARE(rowsWith(*w.column("event.outcome")), size_t(1));
        QCOMPARE(rowsWith(*w.column("src")), size_t(0)); // no keep_original_under: originals are not kept
        QCOMPARE(w.eventIndex()->timestamps[0], int64_t(1704067200) * 1000000000);
        QCOMPARE(QString::fromStdString(w.sources()[0].mapping), QString("fw"));
    }

    void anUnmappedSysmonFileGetsTheProfileSuggested()
    {
        const QString path = tmp_.path() + "/suggest.jsonl";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(kRawSysmon) + "\n");
        f.close();
        auto ws = Workspace::open((tmp_.path() + "/suggest.eqlwb").toStdString());
        auto r = (*ws)->import({path.toStdString()});
        QVERIFY(r.ok());
        QVERIFY(QString::fromStdString(r->sources[0].message).contains("--mapping sysmon"));
    }
};

QTEST_APPLESS_MAIN(TestStoreMapping)
#include "tst_store_mapping.moc"
