# SPDX-License-Identifier: GPL-3.0-or-later
# flight_add_test(NAME SOURCES file... LIBS lib... [LABELS label...] [ENVIRONMENT VAR=value...])
# One Qt Test executable per test class, registered with ctest under NAME.

function(flight_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  flight_target_defaults(${name})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    LABELS "${ARG_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}"
    TIMEOUT 600)
endfunction()
