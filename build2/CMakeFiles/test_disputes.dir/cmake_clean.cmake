file(REMOVE_RECURSE
  "CMakeFiles/test_disputes.dir/tests/test_disputes.c.o"
  "CMakeFiles/test_disputes.dir/tests/test_disputes.c.o.d"
  "test_disputes"
  "test_disputes.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_disputes.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
