file(REMOVE_RECURSE
  "CMakeFiles/eval_cluster.dir/eval/eval_cluster.c.o"
  "CMakeFiles/eval_cluster.dir/eval/eval_cluster.c.o.d"
  "eval_cluster"
  "eval_cluster.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/eval_cluster.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
