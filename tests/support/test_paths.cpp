#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace eqlwb::test {

QString sourceDir() { return QStringLiteral(EQLWB_SOURCE_DIR); }

QString sharedDir()
{
    const QByteArray env = qgetenv("EQLWB_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(EQLWB_SHARED_DIR) : QString::fromLocal8Bit(env));
}

bool haveShared() { return QFileInfo(sharedDir() + "/docs/design.md").exists(); }

QString cliPath() { return QStringLiteral(EQLWB_CLI_PATH); }

QString tempDir()
{
    const QByteArray env = qgetenv("EQLWB_TEST_TMP");
    const QString dir
        = env.isEmpty() ? QStringLiteral(EQLWB_BINARY_DIR "/tests/tmp") : QString::fromLocal8Bit(env);
    QDir().mkpath(dir);
    return dir;
}

std::string readTestFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(file.errorString()));
    const QByteArray bytes = file.readAll();
    return {bytes.constData(), static_cast<size_t>(bytes.size())};
}

QString writeTestFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        qFatal("cannot write %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return path;
}

} // namespace eqlwb::test
