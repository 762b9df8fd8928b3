file(REMOVE_RECURSE
  "CMakeFiles/eval_extract.dir/eval/eval_extract.c.o"
  "CMakeFiles/eval_extract.dir/eval/eval_extract.c.o.d"
  "eval_extract"
  "eval_extract.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/eval_extract.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
