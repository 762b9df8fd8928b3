file(REMOVE_RECURSE
  "CMakeFiles/test_html.dir/tests/test_html.c.o"
  "CMakeFiles/test_html.dir/tests/test_html.c.o.d"
  "test_html"
  "test_html.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_html.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
