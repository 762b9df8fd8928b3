file(REMOVE_RECURSE
  "CMakeFiles/eval_mrpc.dir/eval/eval_mrpc.c.o"
  "CMakeFiles/eval_mrpc.dir/eval/eval_mrpc.c.o.d"
  "eval_mrpc"
  "eval_mrpc.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/eval_mrpc.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
