#include "results_pane.h"

#include "event_detail_view.h"
#include "result_table_model.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace eqlwb::ui {

namespace {

QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

ResultsPane::ResultsPane(QWidget* parent)
    : QWidget(parent)
{
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("ResultsFilter"));
    filter_->setPlaceholderText(
        tr("Filter matches across all columns…  (right-click a column header to filter one column)"));
    filter_->setClearButtonEnabled(true);
    count_ = new QLabel(this);
    count_->setMinimumWidth(160);
    count_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Save every match to a CSV or NDJSON file"));
    connect(exportButton, &QPushButton::clicked, this, &ResultsPane::exportRequested);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(filter_, 1);
    top->addWidget(count_);
    top->addWidget(exportButton);

    model_ = new ResultTableModel(this);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("ResultsView"));
    view_->setModel(model_);
    view_->setSortingEnabled(true);
    view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setSectionsMovable(true);
    view_->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->horizontalHeader()->setResizeContentsPrecision(200); // a million rows: measure a few
    view_->verticalHeader()->setDefaultSectionSize(22);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(
        view_->horizontalHeader(), &QWidget::customContextMenuRequested, this, &ResultsPane::showHeaderMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, &ResultsPane::showTableMenu);

    auto* copy = new QAction(tr("Copy Rows as CSV"), view_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(
        copy, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(selectedRowsAsCsv()); });
    view_->addAction(copy);

    detail_ = new EventDetailView(this);
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(view_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter_, 1);

    connect(filter_, &QLineEdit::textChanged, model_, &ResultTableModel::setFilterText);
    connect(model_, &ResultTableModel::visibleRowsChanged, this, &ResultsPane::updateCountLabel);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            const qint64 id = current.isValid() ? model_->eventIdAt(current.row()) : -1;
            if (id >= 0)
                Q_EMIT eventSelected(id);
            else
                detail_->clearEvent();
        });
    updateCountLabel(0, 0);
}

void ResultsPane::setResults(ResultTable table, const QStringList& queryFields)
{
    detail_->setHighlightedFields(queryFields);
    detail_->clearEvent();
    model_->setTable(std::move(table));
    model_->setFilterText(filter_->text());
    view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->resizeColumnsToContents();
    for (int c = 0; c < model_->columnCount(); ++c)
        view_->setColumnWidth(c, std::min(view_->columnWidth(c), 360));
    if (model_->rowCount() > 0)
        view_->selectRow(0);
}

void ResultsPane::clearResults()
{
    model_->setTable({});
    detail_->clearEvent();
}

void ResultsPane::showEventDetails(qint64 id, const QByteArray& json) { detail_->showEvent(id, json); }

void ResultsPane::updateCountLabel(int visible, int total)
{
    const QLocale locale;
    count_->setText(visible == total
            ? tr("%1 rows").arg(locale.toString(total))
            : tr("%1 of %2 rows").arg(locale.toString(visible), locale.toString(total)));
}

QString ResultsPane::rowsAsCsv(const QList<int>& viewRows) const
{
    QStringList header;
    QList<int> columns;
    for (int c = 0; c < model_->columnCount(); ++c) {
        if (view_->isColumnHidden(c))
            continue;
        columns << c;
        header << csvField(model_->headerData(c, Qt::Horizontal).toString());
    }
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r : viewRows) {
        QStringList cells;
        for (int c : columns)
            cells << csvField(model_->data(model_->index(r, c)).toString());
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QString ResultsPane::selectedRowsAsCsv() const
{
    QList<int> rows;
    for (const auto& index : view_->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rowsAsCsv(rows);
}

QString ResultsPane::allRowsAsCsv() const
{
    QList<int> rows;
    for (int r = 0; r < model_->rowCount(); ++r)
        rows << r;
    return rowsAsCsv(rows);
}

QList<qint64> ResultsPane::selectedEventIds() const
{
    QList<int> rows;
    for (const auto& index : view_->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int r : rows)
        if (model_->eventIdAt(r) >= 0)
            ids << model_->eventIdAt(r);
    return ids;
}

QList<qint64> ResultsPane::visibleEventIds() const
{
    QList<qint64> ids;
    for (int r = 0; r < model_->rowCount(); ++r)
        if (model_->eventIdAt(r) >= 0)
            ids << model_->eventIdAt(r);
    return ids;
}

void ResultsPane::showHeaderMenu(const QPoint& pos)
{
    const int column = view_->horizontalHeader()->logicalIndexAt(pos);
    QMenu menu(this);
    if (column >= 0 && model_->dataColumn(column) >= 0) {
        const QString name = model_->headerData(column, Qt::Horizontal).toString();
        menu.addAction(tr("Filter %1…").arg(name), this, [this, column, name] {
            bool ok = false;
            const QString text = QInputDialog::getText(this, tr("Filter column"),
                tr("Show rows whose %1 contains:").arg(name), QLineEdit::Normal, QString(), &ok);
            if (ok)
                model_->setColumnFilter(column, text);
        });
        menu.addAction(tr("Clear Column Filters"), this, [this] {
            const QString keep = filter_->text();
            model_->clearFilters();
            model_->setFilterText(keep);
        });
        menu.addSeparator();
    }
    QMenu* columns = menu.addMenu(tr("Columns"));
    for (int c = 0; c < model_->columnCount(); ++c) {
        QAction* a = columns->addAction(model_->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!view_->isColumnHidden(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) { view_->setColumnHidden(c, !on); });
    }
    columns->addSeparator();
    columns->addAction(tr("Add Field…"), this, &ResultsPane::addColumnRequested);
    menu.exec(view_->horizontalHeader()->mapToGlobal(pos));
}

void ResultsPane::showTableMenu(const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(
        tr("Copy Rows as CSV"), this, [this] { QApplication::clipboard()->setText(selectedRowsAsCsv()); });
    menu.addAction(
        tr("Copy Events as NDJSON"), this, [this] { Q_EMIT copyNdjsonRequested(selectedEventIds()); });
    menu.addSeparator();
    menu.addAction(tr("Export All Results…"), this, &ResultsPane::exportRequested);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

} // namespace eqlwb::ui
