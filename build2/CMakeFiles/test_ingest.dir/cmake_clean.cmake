file(REMOVE_RECURSE
  "CMakeFiles/test_ingest.dir/tests/test_ingest.c.o"
  "CMakeFiles/test_ingest.dir/tests/test_ingest.c.o.d"
  "test_ingest"
  "test_ingest.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_ingest.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
