# Empty compiler generated dependencies file for eval_mrpc.
# This may be replaced when dependencies are built.
