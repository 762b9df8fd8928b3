file(REMOVE_RECURSE
  "CMakeFiles/test_store_import.dir/tests/test_store_import.c.o"
  "CMakeFiles/test_store_import.dir/tests/test_store_import.c.o.d"
  "test_store_import"
  "test_store_import.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_store_import.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
