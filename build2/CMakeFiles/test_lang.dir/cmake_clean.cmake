file(REMOVE_RECURSE
  "CMakeFiles/test_lang.dir/tests/test_lang.c.o"
  "CMakeFiles/test_lang.dir/tests/test_lang.c.o.d"
  "test_lang"
  "test_lang.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_lang.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
