// Runs the built eqlwb as a user would and captures what it printed.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace eqlwb::test {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QStringList outLines() const; // stdout split on '\n', without a trailing empty line
};

// stdinData is written to the process's standard input, which is then closed.
CliResult runCli(const QStringList& args, const QByteArray& stdinData = {}, int timeoutMs = 120000);

} // namespace eqlwb::test
