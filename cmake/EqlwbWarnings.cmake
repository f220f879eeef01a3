# Warnings every target of ours gets; third-party headers are included as SYSTEM.
add_library(eqlwb_warnings INTERFACE)
target_compile_options(eqlwb_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local -Wno-missing-field-initializers)
