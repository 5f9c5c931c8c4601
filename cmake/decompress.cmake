# cmake -DIN=FILE.xz -DOUT=FILE -P decompress.cmake
#
# Decompresses one xz file without a shell: the "example" target used
# "sh -c ... > FILE", whose quoting dash (Debian's /bin/sh) does not share
# with bash once CMake has escaped it for make.
if(NOT IN OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DIN=FILE.xz -DOUT=FILE -P decompress.cmake")
endif()
find_program(XZ xz REQUIRED)
execute_process(COMMAND ${XZ} -dc ${IN} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "cannot decompress ${IN}: xz exited with ${rc}")
endif()
