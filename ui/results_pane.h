// The results area: a filter box over a lazily drawn table of matches (sortable, per-column
// filters, a column chooser), the selected event's details beside it, copy and export.
#pragma once

#include "result_table.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;

namespace eqlwb::ui {

class EventDetailView;
class ResultTableModel;

class ResultsPane : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPane(QWidget* parent = nullptr);

    void setResults(ResultTable table, const QStringList& queryFields);
    void clearResults();
    void showEventDetails(qint64 id, const QByteArray& json);

    // Selected rows (view order) as CSV of the shown columns, header first.
    QString selectedRowsAsCsv() const;
    // Every visible row, as CSV.
    QString allRowsAsCsv() const;
    // Event ids of the selected rows, or of every visible row when nothing is selected.
    QList<qint64> selectedEventIds() const;
    QList<qint64> visibleEventIds() const;

    QLineEdit* filterBox() const { return filter_; }
    QTableView* tableView() const { return view_; }
    ResultTableModel* model() const { return model_; }
    EventDetailView* detailView() const { return detail_; }

Q_SIGNALS:
    void eventSelected(qint64 id);
    void copyNdjsonRequested(const QList<qint64>& ids);
    void exportRequested();
    void addColumnRequested();

private:
    void showHeaderMenu(const QPoint& pos);
    void showTableMenu(const QPoint& pos);
    void updateCountLabel(int visible, int total);
    QString rowsAsCsv(const QList<int>& viewRows) const;

    QLineEdit* filter_;
    QLabel* count_;
    QTableView* view_;
    ResultTableModel* model_;
    EventDetailView* detail_;
    QSplitter* splitter_;
};

} // namespace eqlwb::ui
