file(REMOVE_RECURSE
  "CMakeFiles/bench_htmlpre.dir/bench/bench_htmlpre.c.o"
  "CMakeFiles/bench_htmlpre.dir/bench/bench_htmlpre.c.o.d"
  "bench_htmlpre"
  "bench_htmlpre.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_htmlpre.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
