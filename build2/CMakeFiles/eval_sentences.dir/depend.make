# Empty dependencies file for eval_sentences.
# This may be replaced when dependencies are built.
