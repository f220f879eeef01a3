// Paths the test suites need, and the skip rule for material from ../shared.
#pragma once

#include <QString>
#include <string>

namespace eqlwb::test {

QString sourceDir(); // the project checkout
QString sharedDir(); // ../shared, which a user's fresh clone does not have
bool haveShared(); // true when sharedDir() exists
QString cliPath(); // the built eqlwb
QString tempDir(); // a scratch folder under the build tree, created on demand
// The whole content of a file the test needs; stops the test program when it cannot be read.
std::string readTestFile(const QString& path);
// Writes (or overwrites) a file the test needs and returns its path; stops the program on failure.
QString writeTestFile(const QString& path, const QByteArray& data);

} // namespace eqlwb::test

// Skips the current test function, saying why, when ../shared is absent.
#define EQLWB_REQUIRE_SHARED()                                                                               \
    do {                                                                                                     \
        if (!eqlwb::test::haveShared())                                                                      \
            QSKIP("needs the reference material in ../shared, which is absent in this checkout");            \
    } while (false)
