# The build tree's pmq_c.pc works in place: a C program built with its flags runs without
# LD_LIBRARY_PATH (the rpath points at the build tree).
#   cmake -DPKG_CONFIG=... -DPC_DIR=<build dir> -DCC=... -DSOURCE=score.c -DOUT=exe
#         -DINPUT=inspection.json -P pkgconfig_build_tree.cmake
set(ENV{PKG_CONFIG_PATH} "${PC_DIR}")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs pmq_c OUTPUT_VARIABLE flags
  RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config pmq_c failed")
endif()
message("pkg-config --cflags --libs pmq_c: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND "${CC}" -std=c11 -Wall -Wextra -Wpedantic -Werror "${SOURCE}" ${flags}
  -o "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} with pkg-config's flags failed")
endif()
unset(ENV{LD_LIBRARY_PATH})
execute_process(COMMAND "${OUT}" "${INPUT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUT} failed (${rc}): ${out}")
endif()
