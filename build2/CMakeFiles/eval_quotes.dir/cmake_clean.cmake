file(REMOVE_RECURSE
  "CMakeFiles/eval_quotes.dir/eval/eval_quotes.c.o"
  "CMakeFiles/eval_quotes.dir/eval/eval_quotes.c.o.d"
  "eval_quotes"
  "eval_quotes.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/eval_quotes.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
