file(REMOVE_RECURSE
  "CMakeFiles/test_warc.dir/tests/test_warc.c.o"
  "CMakeFiles/test_warc.dir/tests/test_warc.c.o.d"
  "test_warc"
  "test_warc.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_warc.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
