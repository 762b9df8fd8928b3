file(REMOVE_RECURSE
  "CMakeFiles/test_quote.dir/tests/test_quote.c.o"
  "CMakeFiles/test_quote.dir/tests/test_quote.c.o.d"
  "test_quote"
  "test_quote.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_quote.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
