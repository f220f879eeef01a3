# All third-party packages come from Debian 12 (packaging/install-deps.sh installs them).
find_package(SQLite3 REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

if(EQLWB_BUILD_GUI OR EQLWB_BUILD_TESTS)
  set(_qt_components Core Test)
  if(EQLWB_BUILD_GUI)
    list(APPEND _qt_components Gui Widgets Charts Svg)
  endif()
  find_package(Qt6 6.4 REQUIRED COMPONENTS ${_qt_components})
endif()

if(EQLWB_BUILD_GUI)
  # QScintilla ships no CMake config or pkg-config file on Debian.
  find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6 REQUIRED)
  find_path(QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h PATH_SUFFIXES qt6 x86_64-linux-gnu/qt6 REQUIRED)
  add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
  set_target_properties(QScintilla::QScintilla PROPERTIES
    IMPORTED_LOCATION "${QSCINTILLA_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QSCINTILLA_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES Qt6::Widgets)
endif()
