// eql-workbench: the desktop application. Options: --version, --screenshot FILE, a workspace path.
#include "core/version.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("EQL Workbench"));
    QApplication::setOrganizationName(QStringLiteral("eql-workbench"));
    QApplication::setApplicationVersion(QString::fromLatin1(eqlwb::engineVersion()));
    QApplication::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tune Elastic EQL detection rules offline against local logs."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window to a PNG FILE and exit."), QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("Workspace (.eqlwb) to open."),
        QStringLiteral("[workspace]"));
    parser.process(app);

    eqlwb::ui::MainWindow window;
    if (parser.isSet(screenshot)) {
        window.resize(1400, 860);
        window.show();
        const QString file = parser.value(screenshot);
        // Let layouts settle for one event-loop turn before grabbing.
        QTimer::singleShot(50, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "eql-workbench: could not write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 2);
        });
        return QApplication::exec();
    }
    window.restoreSavedLayout();
    window.show();
    return QApplication::exec();
}
