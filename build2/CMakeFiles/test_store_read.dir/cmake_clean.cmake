file(REMOVE_RECURSE
  "CMakeFiles/test_store_read.dir/tests/test_store_read.c.o"
  "CMakeFiles/test_store_read.dir/tests/test_store_read.c.o.d"
  "test_store_read"
  "test_store_read.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_store_read.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
