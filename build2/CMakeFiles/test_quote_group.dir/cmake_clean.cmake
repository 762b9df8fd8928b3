file(REMOVE_RECURSE
  "CMakeFiles/test_quote_group.dir/tests/test_quote_group.c.o"
  "CMakeFiles/test_quote_group.dir/tests/test_quote_group.c.o.d"
  "test_quote_group"
  "test_quote_group.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_quote_group.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
