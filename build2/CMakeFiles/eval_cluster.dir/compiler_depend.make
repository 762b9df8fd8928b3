# Empty compiler generated dependencies file for eval_cluster.
# This may be replaced when dependencies are built.
