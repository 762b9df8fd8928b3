file(REMOVE_RECURSE
  "CMakeFiles/bench_lang.dir/bench/bench_lang.c.o"
  "CMakeFiles/bench_lang.dir/bench/bench_lang.c.o.d"
  "bench_lang"
  "bench_lang.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_lang.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
