// eqlwb gen: deterministic synthetic ECS telemetry with the seed rule's story planted in it.
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <set>
#include <zlib.h>

using namespace eqlwb::test;
using Json = nlohmann::json;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray gunzip(const QString& path)
{
    gzFile g = gzopen(path.toUtf8().constData(), "rb");
    QByteArray out;
    char buf[65536];
    int n;
    while ((n = gzread(g, buf, sizeof buf)) > 0)
        out.append(buf, n);
    gzclose(g);
    return out;
}

} // namespace

class TestCliGen : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_{tempDir() + "/cli-gen-XXXXXX"};
    QString p(const QString& name) const { return tmp_.path() + "/" + name; }

private slots:
    void theSameSeedGivesTheSameBytes()
    {
        QCOMPARE(runCli({"gen", "--events", "2000", "--seed", "3", "-o", p("a.ndjson")}).exitCode, 0);
        QCOMPARE(runCli({"gen", "--events", "2000", "--seed", "3", "-o", p("b.ndjson")}).exitCode, 0);
        QCOMPARE(runCli({"gen", "--events", "2000", "--seed", "4", "-o", p("c.ndjson")}).exitCode, 0);
        QCOMPARE(readAll(p("a.ndjson")), readAll(p("b.ndjson")));
        QVERIFY(readAll(p("a.ndjson")) != readAll(p("c.ndjson")));
    }

    void gzipWhenTheNameEndsInGz()
    {
        QCOMPARE(runCli({"gen", "--events", "500", "-o", p("plain.ndjson")}).exitCode, 0);
        QCOMPARE(runCli({"gen", "--events", "500", "-o", p("zipped.ndjson.gz")}).exitCode, 0);
        const QByteArray raw = readAll(p("zipped.ndjson.gz"));
        QVERIFY(raw.startsWith("\x1f\x8b"));
        QCOMPARE(gunzip(p("zipped.ndjson.gz")), readAll(p("plain.ndjson")));
    }

    void eventsAreEcsWithIngestedAfterTimestampAndAboutFiveHundredBytes()
    {
        QCOMPARE(runCli({"gen", "--events", "20000", "--seed", "1", "-o", p("ecs.ndjson")}).exitCode, 0);
        const QByteArray data = readAll(p("ecs.ndjson"));
        const QList<QByteArray> lines = data.split('\n');
        QCOMPARE(lines.size(), 20001); // and a final newline
        const double average = double(data.size()) / 20000;
        QVERIFY2(average > 400 && average < 700, qPrintable(QString::number(average)));

        std::set<std::string> categories, hosts, users;
        int browserHits = 0, maliciousHits = 0, sequences = 0;
        std::string lastStartEntity;
        std::string lastTimestamp;
        const std::set<std::string> abused{"pastebin.com", "raw.githubusercontent.com", "drive.google.com",
            "api.dropboxapi.com", "onedrive.live.com", "slack-files.com", "4f2a-203-0-113-7.ngrok.io",
            "serveo.net", "transfer.sh", "api.telegram.org", "paste.ee"};
        for (int i = 0; i < 20000; ++i) {
            const Json e = Json::parse(lines[i].constData(), lines[i].constData() + lines[i].size());
            QVERIFY(e["event"]["category"].is_array());
            const std::string cat = e["event"]["category"][0];
            categories.insert(cat);
            hosts.insert(e["host"]["name"].get<std::string>());
            users.insert(e["user"]["name"].get<std::string>());
            const std::string ts = e["@timestamp"], ingested = e["event"]["ingested"];
            QVERIFY(ingested > ts); // same format: text order is time order
            QVERIFY(ts >= lastTimestamp);
            lastTimestamp = ts;
            if (cat == "process")
                lastStartEntity = e["process"]["entity_id"];
            if (e.contains("dns")) {
                const std::string name = e["dns"]["question"]["name"];
                const std::string proc = e["process"]["name"];
                if (abused.count(name)) {
                    if (proc == "powershell.exe" || proc == "rundll32.exe" || proc == "svcupdate.exe")
                        ++maliciousHits;
                    else
                        ++browserHits;
                }
                if (e["process"]["entity_id"] == lastStartEntity)
                    ++sequences;
            }
        }
        QCOMPARE(categories, (std::set<std::string>{"process", "network", "file", "registry"}));
        QVERIFY(hosts.size() >= 10);
        QVERIFY(users.size() >= 5);
        QVERIFY(maliciousHits > 0);
        QVERIFY(browserHits > maliciousHits); // the false positives outnumber the true ones
        QVERIFY(sequences > 100);
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({"gen", "-o", p("x.ndjson")}).exitCode, 2);
        QCOMPARE(runCli({"gen", "--events", "ten", "-o", p("x.ndjson")}).exitCode, 2);
        QCOMPARE(runCli({"gen", "--events", "10"}).exitCode, 2);
        QCOMPARE(runCli({"gen", "--events", "10", "-o", p("no/such/dir/x.ndjson")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliGen)
#include "tst_cli_gen.moc"
