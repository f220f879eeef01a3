// The matches of a run, shaped for display: one row per event, each shown column dictionary-
// encoded (distinct values once, a code per row), so filtering and sorting a million rows works
// on codes and evaluates text once per distinct value. Filled from the engine's result.
#pragma once

#include "present/display_table.h"

#include <QString>
#include <QVector>
#include <cstdint>
#include <vector>

namespace eqlwb::ui {

struct ResultColumn {
    QString name; // dotted field path, e.g. "process.name"
    QVector<QString> dictionary; // distinct display values; index 0 is always "" (missing)
    std::vector<uint32_t> codes; // per row, an index into dictionary
    bool numeric = false; // sort by number rather than text
};

struct ResultTable {
    QVector<ResultColumn> columns;
    std::vector<int64_t> eventIds; // per row; -1 for the empty slot of a missing event
    // For sequences and samples: which match a row belongs to and its place in it. Empty for
    // event queries (every row is its own match).
    std::vector<int32_t> matchOf;
    std::vector<int16_t> slotOf;
    QVector<QString> matchKeys; // per match: its join key values, for the group label

    int rowCount() const { return static_cast<int>(eventIds.size()); }
    bool grouped() const { return !matchOf.empty(); }
};

// Takes over the engine's display table (moving the codes, converting the distinct texts).
ResultTable resultTableFrom(DisplayTable&& display);

} // namespace eqlwb::ui
