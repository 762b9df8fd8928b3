file(REMOVE_RECURSE
  "CMakeFiles/test_json.dir/tests/test_json.c.o"
  "CMakeFiles/test_json.dir/tests/test_json.c.o.d"
  "test_json"
  "test_json.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_json.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
