# Empty compiler generated dependencies file for bench_cluster.
# This may be replaced when dependencies are built.
