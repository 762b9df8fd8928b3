file(REMOVE_RECURSE
  "CMakeFiles/eval_lang.dir/eval/eval_lang.c.o"
  "CMakeFiles/eval_lang.dir/eval/eval_lang.c.o.d"
  "eval_lang"
  "eval_lang.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/eval_lang.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
