file(REMOVE_RECURSE
  "CMakeFiles/test_watch_state.dir/tests/test_watch_state.c.o"
  "CMakeFiles/test_watch_state.dir/tests/test_watch_state.c.o.d"
  "test_watch_state"
  "test_watch_state.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_watch_state.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
