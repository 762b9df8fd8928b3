# Empty dependencies file for eval_extract.
# This may be replaced when dependencies are built.
