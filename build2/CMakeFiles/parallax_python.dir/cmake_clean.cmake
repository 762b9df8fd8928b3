file(REMOVE_RECURSE
  "CMakeFiles/parallax_python.dir/python/parallax/_core.c.o"
  "CMakeFiles/parallax_python.dir/python/parallax/_core.c.o.d"
  "python/parallax/_core.cpython-311-x86_64-linux-gnu.so"
  "python/parallax/_core.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/parallax_python.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
