file(REMOVE_RECURSE
  "CMakeFiles/test_dedup.dir/tests/test_dedup.c.o"
  "CMakeFiles/test_dedup.dir/tests/test_dedup.c.o.d"
  "test_dedup"
  "test_dedup.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_dedup.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
