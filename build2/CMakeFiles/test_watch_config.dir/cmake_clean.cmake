file(REMOVE_RECURSE
  "CMakeFiles/test_watch_config.dir/src/watch_config.c.o"
  "CMakeFiles/test_watch_config.dir/src/watch_config.c.o.d"
  "CMakeFiles/test_watch_config.dir/tests/test_watch_config.c.o"
  "CMakeFiles/test_watch_config.dir/tests/test_watch_config.c.o.d"
  "test_watch_config"
  "test_watch_config.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_watch_config.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
