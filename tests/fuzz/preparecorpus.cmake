# SPDX-License-Identifier: GPL-3.0-or-later
# The fuzz_corpus test fixture (cmake -P): fresh seed corpora from make_fuzz_corpus in CORPUS_DIR/<fuzzer>, and an
# empty work corpus WORK_DIR/<fuzzer> per fuzzer for libFuzzer to write into, so the seeds are never modified and
# every run starts from the same inputs. ARTIFACT_DIR (crash inputs) is created but never emptied.
# Arguments: -DTOOL=make_fuzz_corpus -DCORPUS_DIR= -DWORK_DIR= -DARTIFACT_DIR= -DFUZZERS=name,name,...

foreach(variable TOOL CORPUS_DIR WORK_DIR ARTIFACT_DIR FUZZERS)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "preparecorpus.cmake: -D${variable}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${CORPUS_DIR}" "${WORK_DIR}")
string(REPLACE "," ";" FUZZERS "${FUZZERS}")
foreach(fuzzer IN LISTS FUZZERS)
  file(MAKE_DIRECTORY "${WORK_DIR}/${fuzzer}")
endforeach()
file(MAKE_DIRECTORY "${ARTIFACT_DIR}")

execute_process(COMMAND "${TOOL}" "${CORPUS_DIR}" COMMAND_ERROR_IS_FATAL ANY)

foreach(fuzzer IN LISTS FUZZERS)
  file(GLOB seeds "${CORPUS_DIR}/${fuzzer}/*")
  list(LENGTH seeds count)
  if(count EQUAL 0)
    message(FATAL_ERROR "make_fuzz_corpus wrote no seeds for ${fuzzer}")
  endif()
  message(STATUS "${fuzzer}: ${count} seeds")
endforeach()
