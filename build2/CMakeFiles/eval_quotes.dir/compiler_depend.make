# Empty compiler generated dependencies file for eval_quotes.
# This may be replaced when dependencies are built.
