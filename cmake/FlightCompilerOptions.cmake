# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings and strict Qt string handling for every target of the project (call flight_target_defaults(target)).

function(flight_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
                                           -Wimplicit-fallthrough)
  if(FLIGHT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
                                               QT_NO_URL_CAST_FROM_STRING QT_NO_KEYWORDS QT_NO_FOREACH
                                               QT_STRICT_ITERATORS FLIGHT_VERSION="${PROJECT_VERSION}")
endfunction()
