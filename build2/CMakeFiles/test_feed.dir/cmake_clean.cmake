file(REMOVE_RECURSE
  "CMakeFiles/test_feed.dir/tests/test_feed.c.o"
  "CMakeFiles/test_feed.dir/tests/test_feed.c.o.d"
  "test_feed"
  "test_feed.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_feed.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
