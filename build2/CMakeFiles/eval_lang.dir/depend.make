# Empty dependencies file for eval_lang.
# This may be replaced when dependencies are built.
