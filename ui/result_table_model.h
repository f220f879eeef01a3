// Table model over a ResultTable that filters and sorts by itself, on dictionary codes: a
// QSortFilterProxyModel would call back per row and compare strings, too slow for 1M matches.
// Rows of a sequence or sample stay together: filters keep or drop whole matches.
#pragma once

#include "result_table.h"

#include <QAbstractTableModel>
#include <vector>

namespace eqlwb::ui {

class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Column 0 is "Match" (the match number and join keys) when the table is grouped.
    explicit ResultTableModel(QObject* parent = nullptr);

    void setTable(ResultTable table);
    const ResultTable& table() const { return table_; }

    // Case-insensitive substring over every column; empty shows all.
    void setFilterText(const QString& text);
    // Per-column filter (substring, case-insensitive) on a data column index of the model.
    void setColumnFilter(int column, const QString& text);
    void clearFilters();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int totalRows() const { return table_.rowCount(); }
    int sourceRow(int viewRow) const { return visible_[static_cast<size_t>(viewRow)]; }
    int64_t eventIdAt(int viewRow) const;
    // Data column of the table shown at a model column (-1 for the Match column).
    int dataColumn(int modelColumn) const { return table_.grouped() ? modelColumn - 1 : modelColumn; }

Q_SIGNALS:
    void visibleRowsChanged(int visible, int total);

private:
    void rebuild();
    // Per dictionary entry of column c: does it contain the (case-folded) needle?
    std::vector<char> matchingCodes(
        int c, const QString& foldedNeedle, const std::vector<char>* narrowFrom) const;

    ResultTable table_;
    QString filterText_;
    QVector<QString> columnFilters_;
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    std::vector<int> visible_; // source rows in view order
    // Dictionaries case-folded on first search (not on display: a million timestamps cost time).
    mutable QVector<QVector<QString>> folded_;
    // The last filter text's hits per column: typing one more character only re-tests those.
    QString lastNeedle_;
    std::vector<std::vector<char>> lastHits_;
};

} // namespace eqlwb::ui
