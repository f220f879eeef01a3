// The executor's value-level building blocks: wildcard matching, case folding, the Lucene regex
// translation, IP addresses and CIDR blocks, version ordering, Java-style number printing, and
// the in-memory source's columns.
#include "exec/functions.h"
#include "exec/ip_address.h"
#include "exec/lucene_regex.h"
#include "exec/text_match.h"
#include "exec/value_ops.h"
#include "memsource/memory_source.h"

#include <QtTest>

using namespace eqlwb;

class TestExecPrimitives : public QObject {
    Q_OBJECT

private slots:
    void wildcardMatchesTheWholeValue_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("literal") << "abc"
                                 << "abc" << true;
        QTest::newRow("anchored start") << "xabc"
                                        << "abc" << false;
        QTest::newRow("star anywhere") << "a.github.io"
                                       << "*.github.*" << true;
        QTest::newRow("star empty") << "ab"
                                    << "a*b" << true;
        QTest::newRow("question one char") << "abc"
                                           << "a?c" << true;
        QTest::newRow("question not zero") << "ac"
                                           << "a?c" << false;
        QTest::newRow("question is one UTF-8 character") << "aüc"
                                                         << "a?c" << true;
        QTest::newRow("backtracking") << "aaab"
                                      << "*a*ab" << true;
        QTest::newRow("backslash is ordinary") << "C:\\x"
                                               << "C:\\*" << true;
        QTest::newRow("empty pattern") << ""
                                       << "" << true;
        QTest::newRow("star matches empty value") << ""
                                                  << "*" << true;
    }

    void wildcardMatchesTheWholeValue()
    {
        QFETCH(QString, value);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(wildcardMatch(value.toStdString(), pattern.toStdString()), matches);
    }

    void foldCaseLowersAsciiAndCommonScripts()
    {
        QCOMPARE(QString::fromStdString(foldCase("CMD.EXE")), QString("cmd.exe"));
        QCOMPARE(QString::fromStdString(foldCase("ÄÖÜ ΣΑ ДОМ")), QString("äöü σα дом"));
        const std::string bad = "\xff\xfe";
        QCOMPARE(foldCase(bad), bad); // invalid UTF-8 passes through
    }

    void luceneRegexTranslatesToRe2_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("matches");
        QTest::newRow("full match") << "net"
                                    << "net1" << false;
        QTest::newRow("lazy-looking is optional") << ".*?net1.*?"
                                                  << "x net1 y" << true;
        QTest::newRow("class and repeat") << "[a-z]{2,3}[0-9]"
                                          << "ab1" << true;
        QTest::newRow("alternation") << "(cmd|pwsh)\\.exe"
                                     << "pwsh.exe" << true;
        QTest::newRow("escaped dot is literal") << "a\\.b"
                                                << "axb" << false;
        QTest::newRow("dot matches newline") << "a.b"
                                             << "a\nb" << true;
        QTest::newRow("caret is literal") << "a^b"
                                          << "a^b" << true;
    }

    void luceneRegexTranslatesToRe2()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, matches);
        auto re = CompiledRegex::compile(pattern.toStdString(), false);
        QVERIFY2(re.ok(), re.ok() ? "" : re.error().message.c_str());
        QCOMPARE((*re)->fullMatch(value.toStdString()), matches);
    }

    void ambiguousOrBrokenRegexesAreErrors()
    {
        for (const char* p : {"\\s+", "\\d", "a(", "a)", "[abc", "*a", "a{,3}"})
            QVERIFY2(!CompiledRegex::compile(p, false).ok(), p);
    }

    void caseInsensitiveRegex()
    {
        auto re = CompiledRegex::compile("cmd\\.exe", true);
        QVERIFY(re.ok());
        QVERIFY((*re)->fullMatch("CMD.EXE"));
    }

    void ipAddressesAndCidrBlocks()
    {
        const auto v4 = parseIpAddress("10.6.48.157");
        QVERIFY(v4 && v4->isV4);
        QVERIFY(cidrContains(*parseCidr("10.6.48.157/8"), *parseIpAddress("10.200.1.1")));
        QVERIFY(!cidrContains(*parseCidr("192.168.0.0/16"), *v4));
        QVERIFY(cidrContains(*parseCidr("0.0.0.0/0"), *v4));
        QVERIFY(cidrContains(*parseCidr("2001:db8::/32"), *parseIpAddress("2001:0db8:0:0::1")));
        QVERIFY(*parseIpAddress("::ffff:10.6.48.157") == *v4);
        QVERIFY(*parseIpAddress("2001:db8::1") == *parseIpAddress("2001:DB8:0:0:0:0:0:1"));
        for (const char* bad : {"", "1.2.3", "1.2.3.256", "1::2::3", "12345::", "x", "1.2.3.4/33"})
            QVERIFY2(!parseCidr(bad), bad);
    }

    void typedComparisons()
    {
        using eql::CompareOp;
        QCOMPARE(compareValues(
                     std::string("1.11.3"), std::string("1.5.0"), CompareOp::Greater, FieldType::Version),
            Tri::True);
        QCOMPARE(compareValues(
                     std::string("1.0.0-beta"), std::string("1.0.0"), CompareOp::Less, FieldType::Version),
            Tri::True);
        QCOMPARE(compareValues(std::string("::1"), std::string("0:0::1"), CompareOp::Eq, FieldType::Ip),
            Tri::True);
        QCOMPARE(compareValues(std::string("2017-08-30T20:47:33Z"), int64_t{1504126053000}, CompareOp::Eq,
                     FieldType::Date),
            Tri::True);
        QCOMPARE(compareValues(int64_t{4}, 4.5, CompareOp::Less), Tri::True);
        QCOMPARE(compareValues(int64_t{4}, 4.0, CompareOp::Eq), Tri::True);
        QCOMPARE(compareValues(std::string("a"), int64_t{1}, CompareOp::Eq), Tri::False);
        QCOMPARE(compareValues(std::string("a"), int64_t{1}, CompareOp::Less), Tri::Null);
        QCOMPARE(compareValues(std::string("B"), std::string("a"), CompareOp::Less), Tri::True); // byte order
    }

    void numbersPrintLikeJava()
    {
        QCOMPARE(QString::fromStdString(javaDoubleString(42.5)), QString("42.5"));
        QCOMPARE(QString::fromStdString(javaDoubleString(21.0)), QString("21.0"));
        QCOMPARE(QString::fromStdString(javaDoubleString(1e10)), QString("1.0E10"));
        QCOMPARE(QString::fromStdString(javaDoubleString(1.5e-5)), QString("1.5E-5"));
        QCOMPARE(QString::fromStdString(valueToText(true)), QString("true"));
    }

    void arithmeticFollowsIntegerAndJavaRules()
    {
        EvalState st;
        QCOMPARE(arithmetic(eql::ArithOp::Div, int64_t{7}, int64_t{3}, st), Value(int64_t{2}));
        QCOMPARE(arithmetic(eql::ArithOp::Mod, int64_t{-10}, int64_t{-6}, st), Value(int64_t{-4}));
        QCOMPARE(arithmetic(eql::ArithOp::Mod, int64_t{10}, int64_t{-6}, st), Value(int64_t{4}));
        QCOMPARE(arithmetic(eql::ArithOp::Mod, int64_t{10}, 0.5, st), Value(0.0));
        QVERIFY(!st.error);
        arithmetic(eql::ArithOp::Add, int64_t{INT64_MAX}, int64_t{1}, st);
        QVERIFY(st.error && st.error->code == "overflow");
    }

    void memorySourceFlattensAndAligns()
    {
        MemorySource source;
        QVERIFY(source.addEvent(R"({"@timestamp":"2024-01-01T00:00:00Z","a":{"b":[1,2]}})").ok());
        QVERIFY(source.addEvent(R"({"@timestamp":1000,"x":"y"})").ok());
        QVERIFY(source.addEvent(R"({"a.b":3})").ok());
        QVERIFY(!source.addEvent("not json").ok());
        QCOMPARE(source.size(), size_t(3));
        auto col = source.column("a.b");
        QVERIFY(col.ok());
        QCOMPARE(col->offsets, (std::vector<uint32_t>{0, 2, 2, 3}));
        auto index = source.eventIndex();
        QCOMPARE(index->ids, (std::vector<int64_t>{1, 2, 3}));
        QCOMPARE(index->timestamps[1], int64_t{1000000000});
        QCOMPARE(index->timestamps[2], INT64_MIN);
        auto none = source.column("nothing");
        QCOMPARE(none->offsets.size(), size_t(4));
        QVERIFY(source.eventJson(2).ok());
        QVERIFY(!source.eventJson(9).ok());
    }
};

QTEST_APPLESS_MAIN(TestExecPrimitives)
#include "tst_exec_primitives.moc"
