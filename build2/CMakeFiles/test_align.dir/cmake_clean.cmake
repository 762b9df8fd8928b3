file(REMOVE_RECURSE
  "CMakeFiles/test_align.dir/tests/test_align.c.o"
  "CMakeFiles/test_align.dir/tests/test_align.c.o.d"
  "test_align"
  "test_align.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_align.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
