file(REMOVE_RECURSE
  "CMakeFiles/bench_cluster.dir/bench/bench_cluster.c.o"
  "CMakeFiles/bench_cluster.dir/bench/bench_cluster.c.o.d"
  "bench_cluster"
  "bench_cluster.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_cluster.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
