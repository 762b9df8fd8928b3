file(REMOVE_RECURSE
  "CMakeFiles/bench_compare.dir/bench/bench_compare.c.o"
  "CMakeFiles/bench_compare.dir/bench/bench_compare.c.o.d"
  "bench_compare"
  "bench_compare.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_compare.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
