# SPDX-License-Identifier: BSD-2-Clause
# ctest helper: run `memblock replay` on LOG and check the outcome.
#   -DMEMBLOCK=<exe> -DLOG=<file> -DEXPECT=full|mismatch|error
#   [-DERROR_TEXT=<substring of the one-line error>] [-DALLOCS=<n>]
# full:     exit 0 and the last line shows A/A allocations and D/D dumps
# mismatch: exit 1 and the last line shows fewer matches than checks
# error:    exit 2, nothing on stdout, exactly one line on stderr
execute_process(COMMAND ${MEMBLOCK} replay ${LOG}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(STRIP "${out}" out)
string(REGEX REPLACE ".*\n" "" last "${out}")
if(EXPECT STREQUAL "error")
  string(STRIP "${err}" err)
  if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR err MATCHES "\n"
     OR err STREQUAL "")
    message(FATAL_ERROR "want exit 2 and one error line; got ${rc}\n"
                        "stdout: ${out}\nstderr: ${err}")
  endif()
  if(DEFINED ERROR_TEXT AND NOT err MATCHES "${ERROR_TEXT}")
    message(FATAL_ERROR "error line lacks '${ERROR_TEXT}': ${err}")
  endif()
  return()
endif()
if(NOT last MATCHES
   "^replay: ([0-9]+)/([0-9]+) allocations matched, ([0-9]+)/([0-9]+) dumps matched$")
  message(FATAL_ERROR "bad last line '${last}' (exit ${rc})\n${err}")
endif()
set(a ${CMAKE_MATCH_1})
set(b ${CMAKE_MATCH_2})
set(d ${CMAKE_MATCH_3})
set(e ${CMAKE_MATCH_4})
if(EXPECT STREQUAL "full")
  if(NOT rc EQUAL 0 OR NOT a EQUAL b OR NOT d EQUAL e OR b EQUAL 0
     OR e EQUAL 0)
    message(FATAL_ERROR "not a full match (exit ${rc}): ${out}")
  endif()
  # -DALLOCS=<n>: exactly n allocations were checked (nothing skipped)
  if(DEFINED ALLOCS AND NOT b EQUAL ALLOCS)
    message(FATAL_ERROR "want ${ALLOCS} allocations checked: ${out}")
  endif()
elseif(EXPECT STREQUAL "mismatch")
  if(NOT rc EQUAL 1 OR (a EQUAL b AND d EQUAL e))
    message(FATAL_ERROR "mismatch not detected (exit ${rc}): ${out}")
  endif()
else()
  message(FATAL_ERROR "EXPECT must be full, mismatch or error")
endif()
