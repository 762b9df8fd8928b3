file(REMOVE_RECURSE
  "CMakeFiles/test_mpi_chunk.dir/tests/test_mpi_chunk.c.o"
  "CMakeFiles/test_mpi_chunk.dir/tests/test_mpi_chunk.c.o.d"
  "test_mpi_chunk"
  "test_mpi_chunk.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_mpi_chunk.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
