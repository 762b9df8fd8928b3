file(REMOVE_RECURSE
  "CMakeFiles/test_text_badinput.dir/tests/test_text_badinput.c.o"
  "CMakeFiles/test_text_badinput.dir/tests/test_text_badinput.c.o.d"
  "test_text_badinput"
  "test_text_badinput.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_text_badinput.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
