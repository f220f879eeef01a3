// Before/after diffs of two runs' matches.
#include "present/match_diff.h"

#include <QtTest>

using namespace eqlwb;

class TestMatchDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportsAddedAndRemovedEvents()
    {
        const auto d = diffMatches({5, 1, 3}, {3, 4, 1, 9});
        QCOMPARE(d.added, (std::vector<int64_t>{4, 9}));
        QCOMPARE(d.removed, (std::vector<int64_t>{5}));
    }

    void repeatsAndMissingSlotsDoNotCount()
    {
        // A sequence lists its events, with -1 for a missing-event slot.
        const auto d = diffMatches({1, 2, -1, 2}, {2, 1, 1, -1});
        QVERIFY(d.added.empty());
        QVERIFY(d.removed.empty());
    }

    void fromNothingEverythingIsAdded()
    {
        const auto d = diffMatches({}, {7, 8});
        QCOMPARE(d.added.size(), size_t(2));
        QVERIFY(d.removed.empty());
    }
};

QTEST_APPLESS_MAIN(TestMatchDiff)
#include "tst_match_diff.moc"
