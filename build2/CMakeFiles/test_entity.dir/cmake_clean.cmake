file(REMOVE_RECURSE
  "CMakeFiles/test_entity.dir/tests/test_entity.c.o"
  "CMakeFiles/test_entity.dir/tests/test_entity.c.o.d"
  "test_entity"
  "test_entity.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_entity.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
