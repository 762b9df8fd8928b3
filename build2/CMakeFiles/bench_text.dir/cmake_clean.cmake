file(REMOVE_RECURSE
  "CMakeFiles/bench_text.dir/bench/bench_text.c.o"
  "CMakeFiles/bench_text.dir/bench/bench_text.c.o.d"
  "bench_text"
  "bench_text.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_text.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
