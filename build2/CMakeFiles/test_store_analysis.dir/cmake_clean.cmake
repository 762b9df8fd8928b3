file(REMOVE_RECURSE
  "CMakeFiles/test_store_analysis.dir/tests/test_store_analysis.c.o"
  "CMakeFiles/test_store_analysis.dir/tests/test_store_analysis.c.o.d"
  "test_store_analysis"
  "test_store_analysis.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_store_analysis.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
