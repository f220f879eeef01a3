#include "result_table.h"

namespace eqlwb::ui {

ResultTable resultTableFrom(DisplayTable&& display)
{
    ResultTable table;
    for (auto& c : display.columns) {
        ResultColumn column;
        column.name = QString::fromStdString(c.path);
        column.numeric = c.numeric;
        column.dictionary.reserve(static_cast<qsizetype>(c.dictionary.size()));
        for (const auto& text : c.dictionary)
            column.dictionary.append(QString::fromStdString(text));
        column.codes = std::move(c.codes);
        table.columns.append(std::move(column));
    }
    table.eventIds = std::move(display.eventIds);
    table.matchOf = std::move(display.matchOf);
    table.slotOf = std::move(display.slotOf);
    for (const auto& k : display.matchKeys)
        table.matchKeys.append(QString::fromStdString(k));
    return table;
}

} // namespace eqlwb::ui
