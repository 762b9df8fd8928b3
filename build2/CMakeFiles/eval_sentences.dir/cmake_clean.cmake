file(REMOVE_RECURSE
  "CMakeFiles/eval_sentences.dir/eval/eval_sentences.c.o"
  "CMakeFiles/eval_sentences.dir/eval/eval_sentences.c.o.d"
  "eval_sentences"
  "eval_sentences.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/eval_sentences.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
