// eql-workbench: the desktop application.
//   eql-workbench [--rule FILE] [--screenshot PNG] [WORKSPACE]
#include "core/version.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

namespace {

// Renders the window to `file` and quits; used by tests, docs and visual checks.
void grabAndQuit(eqlwb::ui::MainWindow& window, const QString& file)
{
    const bool saved = window.grab().save(file, "PNG");
    if (!saved)
        std::fprintf(stderr, "eql-workbench: could not write %s\n", qPrintable(file));
    QApplication::exit(saved ? 0 : 2);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("EQL Workbench"));
    QApplication::setOrganizationName(QStringLiteral("eql-workbench"));
    QApplication::setApplicationVersion(QString::fromLatin1(eqlwb::engineVersion()));
    QApplication::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tune Elastic EQL detection rules offline against local logs.\n"
        "Opens WORKSPACE (a .eqlwb file, created when missing) and runs the editor's query on it."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption rule(QStringLiteral("rule"), QStringLiteral("Open the rule FILE (TOML or NDJSON)."),
        QStringLiteral("FILE"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window to a PNG FILE (after the first run "
                       "when a workspace is given) and exit."),
        QStringLiteral("FILE"));
    parser.addOption(rule);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("Workspace (.eqlwb) to open."),
        QStringLiteral("[workspace]"));
    parser.process(app);

    eqlwb::ui::MainWindow window;
    if (parser.isSet(rule)) {
        const QString problem = window.openRule(parser.value(rule));
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "eql-workbench: %s\n", qPrintable(problem));
            return 2;
        }
    }
    const QStringList positional = parser.positionalArguments();
    const QString workspace = positional.isEmpty() ? QString() : positional.first();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        window.resize(1400, 860);
        window.show();
        if (workspace.isEmpty()) {
            QTimer::singleShot(100, &window, [&window, file] { grabAndQuit(window, file); });
        } else {
            QObject::connect(&window, &eqlwb::ui::MainWindow::runSettled, &window, [&window, file] {
                QTimer::singleShot(200, &window, [&window, file] { grabAndQuit(window, file); });
            });
            QTimer::singleShot(60000, &window, [&window, file] { grabAndQuit(window, file); }); // never hang
            window.openWorkspace(workspace, true);
        }
        return QApplication::exec();
    }
    window.restoreSavedLayout();
    window.show();
    if (!workspace.isEmpty())
        window.openWorkspace(workspace, true);
    return QApplication::exec();
}
