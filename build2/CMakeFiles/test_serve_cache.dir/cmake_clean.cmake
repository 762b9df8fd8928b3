file(REMOVE_RECURSE
  "CMakeFiles/test_serve_cache.dir/tests/test_serve_cache.c.o"
  "CMakeFiles/test_serve_cache.dir/tests/test_serve_cache.c.o.d"
  "test_serve_cache"
  "test_serve_cache.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_serve_cache.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
