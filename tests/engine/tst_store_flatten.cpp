// Flattening of JSON documents into dotted fields (store/flatten.h).
#include "store/flatten.h"

#include <QtTest>

using namespace eqlwb;

namespace {

FlatEvent flat(const char* json)
{
    FlatEvent ev;
    const Status st = flattenJson(json, ev);
    if (!st)
        qWarning("flattenJson failed: %s", st.error().message.c_str());
    return ev;
}

} // namespace

class TestStoreFlatten : public QObject {
    Q_OBJECT
private slots:
    void nestedObjectsJoinKeysWithDots()
    {
        const auto ev = flat(R"({"process":{"name":"a.exe","parent":{"pid":4}}})");
        QCOMPARE(ev.fields.size(), size_t(2));
        QCOMPARE(ev.fields[0].path, std::string("process.name"));
        QVERIFY(ev.first("process.name") == Value(std::string("a.exe")));
        QVERIFY(ev.first("process.parent.pid") == Value(int64_t(4)));
    }

    void literalDottedKeysLandInTheSameFieldAsNestedOnes()
    {
        const auto ev = flat(R"({"a":{"b":1},"c":true,"a.b":2})");
        const FlatField* f = ev.find("a.b");
        QVERIFY(f);
        QCOMPARE(f->values.size(), size_t(2));
        QVERIFY(f->values[0] == Value(int64_t(1)));
        QVERIFY(f->values[1] == Value(int64_t(2)));
    }

    void arraysAreMultiValuedInArrayOrder()
    {
        const auto ev = flat(R"({"event":{"category":["process","network"]},"n":[[1,2],3]})");
        const FlatField* f = ev.find("event.category");
        QVERIFY(f);
        QCOMPARE(f->values.size(), size_t(2));
        QVERIFY(f->values[1] == Value(std::string("network")));
        QCOMPARE(ev.find("n")->values.size(), size_t(3));
    }

    void arraysOfObjectsGiveEachObjectsFields()
    {
        const auto ev = flat(R"({"dns":{"answers":[{"type":"CNAME","data":"x"},{"type":"A"}]}})");
        QCOMPARE(ev.find("dns.answers.type")->values.size(), size_t(2));
        QCOMPARE(ev.find("dns.answers.data")->values.size(), size_t(1));
    }

    void valuesKeepTheirJsonType()
    {
        const auto ev = flat(R"({"i":-7,"d":1.5,"b":false,"s":"x","big":18446744073709551615})");
        QVERIFY(typeOf(ev.first("i")) == ValueType::Int);
        QVERIFY(typeOf(ev.first("d")) == ValueType::Double);
        QVERIFY(typeOf(ev.first("b")) == ValueType::Bool);
        QVERIFY(typeOf(ev.first("s")) == ValueType::String);
        QVERIFY(typeOf(ev.first("big")) == ValueType::Double);
    }

    void nullIsPresentButEmptyContainersAreMissing()
    {
        const auto ev = flat(R"({"n":null,"e":[],"o":{},"x":1})");
        const FlatField* n = ev.find("n");
        QVERIFY(n);
        QVERIFY(n->explicitNull);
        QVERIFY(n->values.empty());
        QVERIFY(!ev.find("e"));
        QVERIFY(!ev.find("o"));
    }

    void rejectsWhatIsNotAJsonObject_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage") << QByteArray("{nope") << "json";
        QTest::newRow("array") << QByteArray("[1,2]") << "not-object";
        QTest::newRow("empty") << QByteArray("") << "json";
        QTest::newRow("invalid utf-8") << QByteArray("{\"a\":\"\xff\xfe\"}") << "json";
        QTest::newRow("trailing content") << QByteArray("{\"a\":1} x") << "json";
        QTest::newRow("200 levels deep")
            << QByteArray(QByteArray("{\"a\":").repeated(200) + "1" + QByteArray("}").repeated(200))
            << "too-deep";
        QTest::newRow("10,000 levels deep")
            << QByteArray(QByteArray("{\"a\":").repeated(10000) + "1" + QByteArray("}").repeated(10000))
            << "too-deep";
    }
    void rejectsWhatIsNotAJsonObject()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, code);
        FlatEvent ev;
        const Status st = flattenJson(std::string_view(input.constData(), size_t(input.size())), ev);
        QVERIFY(!st);
        QCOMPARE(QString::fromStdString(st.error().code), code);
        QVERIFY(ev.fields.empty());
    }

    void manyDistinctFieldsStayLinear()
    {
        std::string doc = "{";
        for (int i = 0; i < 20000; ++i)
            doc += (i ? ",\"f" : "\"f") + std::to_string(i) + "\":" + std::to_string(i);
        doc += "}";
        FlatEvent ev;
        QVERIFY(flattenJson(doc, ev).ok());
        QCOMPARE(ev.fields.size(), size_t(20000));
        QVERIFY(ev.first("f19999") == Value(int64_t(19999)));
    }
};

QTEST_APPLESS_MAIN(TestStoreFlatten)
#include "tst_store_flatten.moc"
