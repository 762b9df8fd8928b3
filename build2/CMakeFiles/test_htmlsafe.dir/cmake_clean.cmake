file(REMOVE_RECURSE
  "CMakeFiles/test_htmlsafe.dir/tests/test_htmlsafe.c.o"
  "CMakeFiles/test_htmlsafe.dir/tests/test_htmlsafe.c.o.d"
  "test_htmlsafe"
  "test_htmlsafe.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_htmlsafe.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
