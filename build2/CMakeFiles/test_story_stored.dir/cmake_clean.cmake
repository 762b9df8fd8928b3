file(REMOVE_RECURSE
  "CMakeFiles/test_story_stored.dir/tests/test_story_stored.c.o"
  "CMakeFiles/test_story_stored.dir/tests/test_story_stored.c.o.d"
  "test_story_stored"
  "test_story_stored.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_story_stored.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
