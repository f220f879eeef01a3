#include "about_dialog.h"

#include "core/version.h"

#include <QMessageBox>
#include <Qsci/qsciglobal.h>

namespace eqlwb::ui {

QString aboutText()
{
    return QStringLiteral("<h3>EQL Workbench %1</h3>"
                          "<p>Tune Elastic EQL detection rules offline: load logs, run a rule in "
                          "milliseconds, see what each change adds or removes, export the tuned rule.</p>"
                          "<p>Qt %2 &middot; QScintilla %3 &middot; SQLite %4 &middot; simdjson %5</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
        .arg(QString::fromLatin1(engineVersion()), QString::fromLatin1(qVersion()),
            QStringLiteral(QSCINTILLA_VERSION_STR), QString::fromStdString(sqliteVersion()),
            QString::fromStdString(simdjsonVersion()));
}

void showAboutDialog(QWidget* parent)
{
    QMessageBox::about(parent, QObject::tr("About EQL Workbench"), aboutText());
}

} // namespace eqlwb::ui
