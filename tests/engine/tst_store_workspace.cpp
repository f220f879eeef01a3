// The workspace store: readers, columns, the field catalogue, re-imports and bad input.
#include "store/workspace.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>
#include <zlib.h>

using namespace eqlwb;

namespace {

QByteArray gzipBytes(const QByteArray& data)
{
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(int(zs.total_out));
    deflateEnd(&zs);
    return out;
}

std::unique_ptr<Workspace> openWs(const QString& path)
{
    auto ws = Workspace::open(path.toStdString());
    if (!ws)
        qFatal("open failed: %s", ws.error().message.c_str());
    return std::move(*ws);
}

std::vector<std::string> strings(const FieldColumn& c, size_t row)
{
    std::vector<std::string> out;
    for (uint32_t k = c.offsets[row]; k < c.offsets[row + 1]; ++k) {
        if (auto* s = std::get_if<std::string>(&c.values[k]))
            out.push_back(*s);
    }
    return out;
}

const QByteArray kThreeEvents = R"({"@timestamp":"2024-01-01T00:00:01Z","process":{"name":"a.exe"},"n":1}
{"@timestamp":"2024-01-01T00:00:02.5+01:00","process.name":"b.exe","event":{"category":["process","network"]}}
{"@timestamp":1704067203000,"process":{"name":"c.exe"},"x":null}
)";

} // namespace

class TestStoreWorkspace : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_{eqlwb::test::tempDir() + "/store-ws-XXXXXX"};
    int n_ = 0;
    QString wsPath() { return tmp_.path() + QString("/ws%1.eqlwb").arg(++n_); }

private slots:
    void readsEachLayoutByContent_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("events");
        QTest::newRow("ndjson") << kThreeEvents << "ndjson" << 3;
        QTest::newRow("ndjson with CRLF and blank lines")
            << QByteArray("{\"a\":1}\r\n\r\n{\"a\":2}\r\n") << "ndjson" << 2;
        QTest::newRow("json array") << QByteArray("[{\"a\":1},{\"a\":2},\n{\"a\":3}]") << "json" << 3;
        QTest::newRow("pretty-printed array")
            << QByteArray("[\n  {\n    \"a\": 1\n  },\n  {\"a\": [1, 2]}\n]\n") << "json" << 2;
        QTest::newRow("pretty-printed objects one after another")
            << QByteArray("{\n \"a\": 1\n}\n{\n \"a\": 2\n}\n") << "json" << 2;
        QTest::newRow("_search response") << QByteArray(
            "{\"took\":3,\"hits\":{\"total\":{\"value\":2},\"hits\":[{\"_index\":\"logs-1\",\"_id\":\"x1\","
            "\"_source\":{\"a\":1}},{\"_index\":\"logs-1\",\"_id\":\"x2\",\"_source\":{\"a\":2}}]}}")
                                          << "es-search" << 2;
        QTest::newRow("pretty _search response") << QByteArray(
            "{\n \"hits\": {\n  \"hits\": [\n   {\"_id\": \"1\", \"_index\": \"i\", \"_source\": {\"a\": "
            "1}}\n  "
            "]\n }\n}\n") << "es-search" << 1;
        QTest::newRow("list of hits")
            << QByteArray("[{\"_id\":\"1\",\"_index\":\"i\",\"_source\":{\"a\":1}}]") << "es-search" << 1;
    }
    void readsEachLayoutByContent()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(int, events);
        for (bool gz : {false, true}) {
            const QString file = test::writeTestFile(
                tmp_.path() + '/' + QString("in%1.log").arg(++n_), gz ? gzipBytes(content) : content);
            auto ws = openWs(wsPath());
            auto r = ws->import({file.toStdString()});
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            QCOMPARE(r->sources.size(), size_t(1));
            QCOMPARE(QString::fromStdString(r->sources[0].format), gz ? format + "+gzip" : format);
            QCOMPARE(int(r->events), events);
            QCOMPARE(int(r->rejected), 0);
            QCOMPARE(int(ws->eventCount()), events);
        }
    }

    void hitsKeepTheirIdAndIndexAndStoreTheirSource()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/hits.json",
            "[{\"_index\":\"logs-a\",\"_id\":\"abc\",\"_source\":{\"process\":{\"name\":\"x.exe\"}}}]");
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({file.toStdString()}).ok());
        auto id = ws->column("_id");
        QVERIFY(id.ok());
        QCOMPARE(strings(*id, 0), std::vector<std::string>{"abc"});
        QCOMPARE(strings(*ws->column("_index"), 0), std::vector<std::string>{"logs-a"});
        QCOMPARE(strings(*ws->column("process.name"), 0), std::vector<std::string>{"x.exe"});
        QCOMPARE(*ws->eventJson(1), std::string(R"({"process":{"name":"x.exe"}})"));
    }

    void columnsHoldFlattenedTypedValuesInEventOrder()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/three.ndjson", kThreeEvents);
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({file.toStdString()}).ok());
        auto name = ws->column("process.name");
        QVERIFY(name.ok());
        QCOMPARE(name->offsets.size(), size_t(4));
        QCOMPARE(strings(*name, 0), std::vector<std::string>{"a.exe"});
        QCOMPARE(strings(*name, 1), std::vector<std::string>{"b.exe"}); // literal dotted key
        QCOMPARE(strings(*name, 2), std::vector<std::string>{"c.exe"});
        auto cat = ws->column("event.category");
        QCOMPARE(strings(*cat, 1), (std::vector<std::string>{"process", "network"}));
        QCOMPARE(cat->offsets[1] - cat->offsets[0], 0u); // missing in row 0
        auto n = ws->column("n");
        QVERIFY(n->values[0] == Value(int64_t(1)));
        auto x = ws->column("x");
        QCOMPARE(x->explicitNullRows, std::vector<uint32_t>{2});
        QVERIFY(x->values.empty());
        auto none = ws->column("no.such.field");
        QVERIFY(none.ok());
        QCOMPARE(none->offsets, (std::vector<uint32_t>{0, 0, 0, 0}));
    }

    void timestampsBecomeNanoseconds()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/ts.ndjson", kThreeEvents);
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({file.toStdString()}).ok());
        auto idx = ws->eventIndex();
        QVERIFY(idx.ok());
        QCOMPARE(idx->ids, (std::vector<int64_t>{1, 2, 3}));
        QCOMPARE(idx->timestamps[0], int64_t(1704067201) * 1000000000);
        QCOMPARE(
            idx->timestamps[1], int64_t(1704067202) * 1000000000 + 500000000 - int64_t(3600) * 1000000000);
        QCOMPARE(idx->timestamps[2], int64_t(1704067203) * 1000000000);
    }

    void theTimestampFieldIsConfigurable()
    {
        const QString file = test::writeTestFile(
            tmp_.path() + "/tsf.ndjson", "{\"when\":\"1970-01-01T00:00:10Z\"}\n{\"a\":1}\n");
        auto ws = openWs(wsPath());
        ImportOptions o;
        o.timestampField = "when";
        QVERIFY(ws->import({file.toStdString()}, o).ok());
        auto idx = ws->eventIndex();
        QCOMPARE(idx->timestamps[0], int64_t(10) * 1000000000);
        QCOMPARE(idx->timestamps[1], std::numeric_limits<int64_t>::min());
    }

    void theFieldCatalogueCountsEventsAndTypes()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/cat.ndjson", kThreeEvents);
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({file.toStdString()}).ok());
        const auto paths = ws->fieldPaths();
        QVERIFY(std::find(paths.begin(), paths.end(), "process.name") != paths.end());
        QVERIFY(std::find(paths.begin(), paths.end(), "event.category") != paths.end());
        sqlite3* db = ws->handle();
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(
            db, "SELECT type, event_count FROM fields WHERE path='process.name'", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(QString(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), QString("keyword"));
        QCOMPARE(sqlite3_column_int(st, 1), 3);
        sqlite3_finalize(st);
        // The same facts through the API the workspace panel uses.
        const auto stats = ws->fieldStats();
        const auto it = std::find_if(
            stats.begin(), stats.end(), [](const FieldStat& f) { return f.path == "process.name"; });
        QVERIFY(it != stats.end());
        QCOMPARE(QString::fromStdString(it->type), QString("keyword"));
        QCOMPARE(it->eventCount, int64_t(3));
        QCOMPARE(stats.size(), paths.size());
    }

    void reimportingTheSameContentIsSkippedAndDataVersionMovesOnEveryImport()
    {
        const QString a = test::writeTestFile(tmp_.path() + "/dup-a.ndjson", kThreeEvents);
        const QString b
            = test::writeTestFile(tmp_.path() + "/dup-b.ndjson", kThreeEvents); // same bytes, other name
        auto ws = openWs(wsPath());
        const uint64_t v0 = ws->dataVersion();
        QVERIFY(ws->import({a.toStdString()}).ok());
        const uint64_t v1 = ws->dataVersion();
        QVERIFY(v1 != v0);
        auto r = ws->import({b.toStdString()});
        QVERIFY(r.ok());
        QVERIFY(r->sources[0].skipped);
        QVERIFY(QString::fromStdString(r->sources[0].message).contains("already imported"));
        QCOMPARE(int(ws->eventCount()), 3);
        QVERIFY(ws->dataVersion() != v1);
        QCOMPARE(int(ws->sources().size()), 1);
    }

    void eventIdsStayDenseAcrossImportsAndColumnsSpanThem()
    {
        const QString a
            = test::writeTestFile(tmp_.path() + "/span-a.ndjson", "{\"k\":\"a\"}\n{\"k\":\"b\"}\n");
        const QString b
            = test::writeTestFile(tmp_.path() + "/span-b.ndjson", "{\"k\":\"c\"}\n{\"other\":1}\n");
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({a.toStdString()}).ok());
        QVERIFY(ws->import({b.toStdString()}).ok());
        auto k = ws->column("k");
        QCOMPARE(k->offsets, (std::vector<uint32_t>{0, 1, 2, 3, 3}));
        QCOMPARE(strings(*k, 2), std::vector<std::string>{"c"});
    }

    void aFolderImportsEveryLogFileInIt()
    {
        QDir(tmp_.path()).mkpath("folder");
        const QString dir = tmp_.path() + "/folder";
        test::writeTestFile(dir + "/a.ndjson", "{\"a\":1}\n");
        test::writeTestFile(dir + "/b.json.gz", gzipBytes("[{\"a\":2}]"));
        test::writeTestFile(dir + "/notes.txt", "not a log");
        auto ws = openWs(wsPath());
        auto r = ws->import({dir.toStdString()});
        QVERIFY(r.ok());
        QCOMPARE(r->sources.size(), size_t(2));
        QCOMPARE(int(r->events), 2);
    }

    void malformedLinesAreReportedWithTheirLineAndGoodLinesKept()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/bad.ndjson",
            "{\"a\":1}\n{\"a\":\n\"just a string\"\n{\"a\":\"\xff\xfe\"}\n[1,2]\n{\"a\":4}\n");
        auto ws = openWs(wsPath());
        auto r = ws->import({file.toStdString()});
        QVERIFY(r.ok());
        QCOMPARE(int(r->events), 2);
        QCOMPARE(int(r->rejected), 4);
        const auto& errs = r->sources[0].errors;
        QCOMPARE(errs.size(), size_t(4));
        QCOMPARE(int(errs[0].line), 2);
        QCOMPARE(int(errs[1].line), 3);
        QCOMPARE(int(errs[2].line), 4);
        QVERIFY(QString::fromStdString(errs[2].message).contains("UTF-8"));
        QCOMPARE(int(errs[3].line), 5);
        QCOMPARE(int(ws->importErrors(1).size()), 4);
    }

    void badFilesGetAClearMessageAndNeverDamageTheWorkspace_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("events");
        QTest::addColumn<QString>("message"); // in the source message or an error line
        QByteArray big = gzipBytes(kThreeEvents.repeated(2000));
        QTest::newRow("truncated gzip") << big.left(big.size() / 2) << -1 << "gzip";
        QTest::newRow("binary file") << QByteArray("\x7f"
                                                   "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
            16) << 0 << "binary";
        QTest::newRow("empty file") << QByteArray() << 0 << "empty";
        QTest::newRow("10,000 levels deep") << QByteArray(
            QByteArray("{\"a\":").repeated(10000) + "1" + QByteArray("}").repeated(10000) + "\n{\"ok\":1}\n")
                                            << 1 << "deep";
        QTest::newRow("truncated array") << QByteArray("[{\"a\":1},{\"a\":") << 1 << "ends inside";
    }
    void badFilesGetAClearMessageAndNeverDamageTheWorkspace()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, events);
        QFETCH(QString, message);
        const QString ws = wsPath();
        const QString good
            = test::writeTestFile(tmp_.path() + '/' + QString("good%1.ndjson").arg(n_), kThreeEvents);
        const QString bad = test::writeTestFile(tmp_.path() + '/' + QString("bad%1.log").arg(n_), content);
        auto w = openWs(ws);
        QVERIFY(w->import({good.toStdString()}).ok());
        auto r = w->import({bad.toStdString()});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const auto& s = r->sources[0];
        if (events >= 0)
            QCOMPARE(int(s.events), events);
        else
            QVERIFY(s.events > 0 && s.events < 6000); // the part before the damage
        QString all = QString::fromStdString(s.message);
        for (const auto& e : s.errors)
            all += "\n" + QString::fromStdString(e.message);
        QVERIFY2(all.contains(message, Qt::CaseInsensitive), qPrintable(all));
        // What was there before is intact.
        QCOMPARE(strings(*w->column("process.name"), 0), std::vector<std::string>{"a.exe"});
        QCOMPARE(int(w->eventCount()), 3 + int(s.events));
    }

    void aLineOf50MegabytesIsRejectedWithoutLosingTheOthers()
    {
        QByteArray content = "{\"a\":1}\n{\"big\":\"" + QByteArray(50 << 20, 'x') + "\"}\n{\"a\":2}\n";
        const QString file = test::writeTestFile(tmp_.path() + "/huge.ndjson", content);
        content.clear();
        auto ws = openWs(wsPath());
        auto r = ws->import({file.toStdString()});
        QVERIFY(r.ok());
        QCOMPARE(int(r->events), 2);
        QCOMPARE(int(r->rejected), 1);
        QCOMPARE(int(r->sources[0].errors[0].line), 2);
        QVERIFY(QString::fromStdString(r->sources[0].errors[0].message).contains("MB"));
        QFile::remove(file);
    }

    void twentyThousandDistinctFieldsImportAndStayQueryable()
    {
        QByteArray content;
        for (int e = 0; e < 4; ++e) {
            content += "{";
            for (int i = 0; i < 5000; ++i)
                content += (i ? ",\"f" : "\"f") + QByteArray::number(e * 5000 + i)
                    + "\":" + QByteArray::number(i);
            content += "}\n";
        }
        const QString file = test::writeTestFile(tmp_.path() + "/wide.ndjson", content);
        auto ws = openWs(wsPath());
        auto r = ws->import({file.toStdString()});
        QVERIFY(r.ok());
        QCOMPARE(int(r->events), 4);
        QCOMPARE(int(ws->fieldPaths().size()), 20000);
        auto c = ws->column("f19999");
        QVERIFY(c->values.size() == 1 && c->values[0] == Value(int64_t(4999)));
        QCOMPARE(c->offsets[3], 0u);
        QCOMPARE(c->offsets[4], 1u);
    }

    void hostileFieldNamesAreStoredSafely()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/inject.ndjson",
            "{\"x\\\"; DROP TABLE events; --\":\"v\",\"a'b\":1,\"\":2,\"a..b\":3}\n");
        auto ws = openWs(wsPath());
        auto r = ws->import({file.toStdString()});
        QVERIFY(r.ok());
        QCOMPARE(int(ws->eventCount()), 1);
        auto c = ws->column("x\"; DROP TABLE events; --");
        QCOMPARE(strings(*c, 0), std::vector<std::string>{"v"});
        QVERIFY(ws->column("a'b")->values.size() == 1);
    }

    void aCancelledImportLeavesTheWorkspaceAsItWas()
    {
        const QString a = test::writeTestFile(tmp_.path() + "/keep.ndjson", kThreeEvents);
        const QString b
            = test::writeTestFile(tmp_.path() + "/cancel.ndjson", QByteArray("{\"a\":1}\n").repeated(50000));
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({a.toStdString()}).ok());
        const uint64_t v = ws->dataVersion();
        ImportOptions o;
        int calls = 0;
        o.progress = [&](const Progress&) { ++calls; };
        o.cancel.cancel();
        auto r = ws->import({b.toStdString()}, o);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().code), QString("cancelled"));
        QCOMPARE(int(ws->eventCount()), 3);
        QCOMPARE(ws->dataVersion(), v);
        QCOMPARE(int(ws->sources().size()), 1);
        QCOMPARE(int(ws->fieldPaths().size()), 5); // @timestamp, process.name, n, event.category, x
    }

    void progressReportsBytesAndEvents()
    {
        const QString b = test::writeTestFile(
            tmp_.path() + "/progress.ndjson", QByteArray("{\"a\":1}\n").repeated(20000));
        auto ws = openWs(wsPath());
        Progress last;
        ImportOptions o;
        o.progress = [&](const Progress& p) { last = p; };
        QVERIFY(ws->import({b.toStdString()}, o).ok());
        QCOMPARE(last.itemsDone, uint64_t(20000));
        QCOMPARE(last.bytesDone, uint64_t(8 * 20000));
        QCOMPARE(last.bytesTotal, uint64_t(8 * 20000));
    }

    void aFileThatIsNotAWorkspaceIsRefused()
    {
        const QString file = test::writeTestFile(
            tmp_.path() + "/not-a-ws.eqlwb", "hello, this is text and not SQLite at all....");
        auto ws = Workspace::open(file.toStdString());
        QVERIFY(!ws.ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("hello, this is text and not SQLite at all...."));
    }

    void eventsAreReadableFromPlainSql()
    {
        const QString file = test::writeTestFile(tmp_.path() + "/sql.ndjson", kThreeEvents);
        auto ws = openWs(wsPath());
        QVERIFY(ws->import({file.toStdString()}).ok());
        sqlite3_stmt* st = nullptr;
        QCOMPARE(
            sqlite3_prepare_v2(ws->handle(),
                "SELECT json_extract(raw, '$.process.name'), ts FROM events WHERE id = 1", -1, &st, nullptr),
            SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(QString(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), QString("a.exe"));
        sqlite3_finalize(st);
    }
};

QTEST_APPLESS_MAIN(TestStoreWorkspace)
#include "tst_store_workspace.moc"
