#include "result_table_model.h"

#include <QColor>
#include <algorithm>
#include <numeric>

namespace eqlwb::ui {

ResultTableModel::ResultTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ResultTableModel::setTable(ResultTable table)
{
    beginResetModel();
    table_ = std::move(table);
    folded_ = QVector<QVector<QString>>(table_.columns.size());
    lastNeedle_.clear();
    lastHits_.clear();
    columnFilters_ = QVector<QString>(table_.columns.size());
    sortColumn_ = -1;
    visible_.clear(); // no row may point into the new table before rebuild() fills it
    endResetModel();
    rebuild();
}

void ResultTableModel::setFilterText(const QString& text)
{
    if (text == filterText_)
        return;
    filterText_ = text;
    rebuild();
}

void ResultTableModel::setColumnFilter(int column, const QString& text)
{
    const int c = dataColumn(column);
    if (c < 0 || c >= columnFilters_.size() || columnFilters_[c] == text)
        return;
    columnFilters_[c] = text;
    rebuild();
}

void ResultTableModel::clearFilters()
{
    filterText_.clear();
    columnFilters_ = QVector<QString>(table_.columns.size());
    rebuild();
}

std::vector<char> ResultTableModel::matchingCodes(
    int c, const QString& foldedNeedle, const std::vector<char>* narrowFrom) const
{
    // Evaluated once per distinct value: the whole point of the dictionary.
    auto& dictionary = folded_[c];
    const auto& source = table_.columns[c].dictionary;
    if (dictionary.size() != source.size()) {
        dictionary.clear();
        dictionary.reserve(source.size());
        for (const auto& text : source)
            dictionary.append(text.toCaseFolded());
    }
    std::vector<char> hit(static_cast<size_t>(dictionary.size()), 0);
    for (int i = 1; i < dictionary.size(); ++i) {
        if (narrowFrom && !(*narrowFrom)[static_cast<size_t>(i)])
            continue;
        hit[static_cast<size_t>(i)] = dictionary[i].contains(foldedNeedle) ? 1 : 0;
    }
    return hit;
}

void ResultTableModel::rebuild()
{
    const size_t rows = table_.eventIds.size();
    std::vector<char> keep(rows, 1);

    if (!filterText_.isEmpty()) {
        const QString needle = filterText_.toCaseFolded();
        // A longer needle containing the last one can only match what the last one matched.
        const bool narrow = !lastNeedle_.isEmpty() && needle.contains(lastNeedle_)
            && lastHits_.size() == static_cast<size_t>(table_.columns.size());
        std::vector<std::vector<char>> hits;
        std::vector<char> any(rows, 0);
        for (int c = 0; c < table_.columns.size(); ++c) {
            hits.push_back(matchingCodes(c, needle, narrow ? &lastHits_[static_cast<size_t>(c)] : nullptr));
            const auto& hit = hits.back();
            const auto& codes = table_.columns[c].codes;
            for (size_t r = 0; r < rows; ++r)
                any[r] |= hit[codes[r]];
        }
        lastNeedle_ = needle;
        lastHits_ = std::move(hits);
        if (table_.grouped()) {
            for (size_t r = 0; r < rows; ++r)
                any[r]
                    |= table_.matchKeys[table_.matchOf[r]].contains(filterText_, Qt::CaseInsensitive) ? 1 : 0;
        }
        keep = std::move(any);
    }
    for (int c = 0; c < columnFilters_.size(); ++c) {
        if (columnFilters_[c].isEmpty())
            continue;
        const auto hit = matchingCodes(c, columnFilters_[c].toCaseFolded(), nullptr);
        const auto& codes = table_.columns[c].codes;
        for (size_t r = 0; r < rows; ++r)
            keep[r] &= hit[codes[r]];
    }
    if (table_.grouped()) {
        // A match is shown whole when any of its rows passes.
        std::vector<char> matchKept(static_cast<size_t>(table_.matchKeys.size()), 0);
        for (size_t r = 0; r < rows; ++r)
            matchKept[static_cast<size_t>(table_.matchOf[r])] |= keep[r];
        for (size_t r = 0; r < rows; ++r)
            keep[r] = matchKept[static_cast<size_t>(table_.matchOf[r])];
    }

    std::vector<int> visible;
    visible.reserve(rows);
    for (size_t r = 0; r < rows; ++r)
        if (keep[r])
            visible.push_back(static_cast<int>(r));

    const int sortData = sortColumn_ < 0 ? -2 : dataColumn(sortColumn_);
    if (sortData >= 0 && sortData < table_.columns.size()) {
        const auto& column = table_.columns[sortData];
        // Rank every distinct value once, then sort rows by rank (missing values first).
        std::vector<uint32_t> order(static_cast<size_t>(column.dictionary.size()));
        std::iota(order.begin(), order.end(), 0u);
        if (column.numeric) {
            std::vector<double> numbers(order.size());
            for (size_t i = 1; i < order.size(); ++i)
                numbers[i] = column.dictionary[static_cast<int>(i)].toDouble();
            std::stable_sort(order.begin() + 1, order.end(),
                [&](uint32_t a, uint32_t b) { return numbers[a] < numbers[b]; });
        } else {
            std::stable_sort(order.begin() + 1, order.end(), [&](uint32_t a, uint32_t b) {
                return column.dictionary[static_cast<int>(a)] < column.dictionary[static_cast<int>(b)];
            });
        }
        std::vector<uint32_t> rank(order.size());
        for (size_t i = 0; i < order.size(); ++i)
            rank[order[i]] = static_cast<uint32_t>(i);
        const bool descending = sortOrder_ == Qt::DescendingOrder;
        if (table_.grouped()) {
            // Matches move as blocks, keyed by their first row's value; rows keep their slot order.
            std::vector<uint32_t> matchRank(static_cast<size_t>(table_.matchKeys.size()), 0);
            for (size_t r = rows; r-- > 0;)
                matchRank[static_cast<size_t>(table_.matchOf[r])] = rank[column.codes[r]];
            std::stable_sort(visible.begin(), visible.end(), [&](int a, int b) {
                const auto ma = table_.matchOf[static_cast<size_t>(a)];
                const auto mb = table_.matchOf[static_cast<size_t>(b)];
                if (ma == mb)
                    return a < b;
                const auto ra = matchRank[static_cast<size_t>(ma)];
                const auto rb = matchRank[static_cast<size_t>(mb)];
                return ra != rb ? (descending ? ra > rb : ra < rb) : ma < mb;
            });
        } else {
            std::stable_sort(visible.begin(), visible.end(), [&](int a, int b) {
                const auto ra = rank[column.codes[static_cast<size_t>(a)]];
                const auto rb = rank[column.codes[static_cast<size_t>(b)]];
                return descending ? ra > rb : ra < rb;
            });
        }
    } else if (sortColumn_ >= 0 && sortOrder_ == Qt::DescendingOrder) {
        std::reverse(visible.begin(), visible.end()); // the Match column: result order
    }

    beginResetModel();
    visible_ = std::move(visible);
    endResetModel();
    Q_EMIT visibleRowsChanged(static_cast<int>(visible_.size()), table_.rowCount());
}

int ResultTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(visible_.size());
}

int ResultTableModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(table_.columns.size()) + (table_.grouped() ? 1 : 0);
}

int64_t ResultTableModel::eventIdAt(int viewRow) const
{
    if (viewRow < 0 || static_cast<size_t>(viewRow) >= visible_.size())
        return -1;
    return table_.eventIds[static_cast<size_t>(visible_[static_cast<size_t>(viewRow)])];
}

QVariant ResultTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto row = static_cast<size_t>(visible_[static_cast<size_t>(index.row())]);
    const int c = dataColumn(index.column());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (c < 0) {
            const auto match = table_.matchOf[row];
            const bool first = row == 0 || table_.matchOf[row - 1] != match;
            if (!first && role == Qt::DisplayRole)
                return QStringLiteral("  \u2514 %1").arg(table_.slotOf[row] + 1);
            return QStringLiteral("#%1  %2").arg(match + 1).arg(table_.matchKeys[match]);
        }
        if (table_.eventIds[row] < 0)
            return c == 0 ? tr("(missing event)") : QVariant();
        const auto& column = table_.columns[c];
        return column.dictionary[static_cast<int>(column.codes[row])];
    }
    if (role == Qt::BackgroundRole && table_.grouped() && table_.matchOf[row] % 2 == 1)
        return QColor(0xf6, 0xf8, 0xfa);
    if (role == Qt::ForegroundRole && table_.eventIds[row] < 0)
        return QColor(0x8c, 0x95, 0x9f);
    if (role == Qt::TextAlignmentRole && c >= 0 && table_.columns[c].numeric)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= columnCount())
        return {};
    const int c = dataColumn(section);
    return c < 0 ? tr("Match") : table_.columns[c].name;
}

void ResultTableModel::sort(int column, Qt::SortOrder order)
{
    sortColumn_ = column;
    sortOrder_ = order;
    rebuild();
}

} // namespace eqlwb::ui
