file(REMOVE_RECURSE
  "CMakeFiles/parallax-mpi.dir/mpi/parallax_mpi.c.o"
  "CMakeFiles/parallax-mpi.dir/mpi/parallax_mpi.c.o.d"
  "parallax-mpi"
  "parallax-mpi.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/parallax-mpi.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
