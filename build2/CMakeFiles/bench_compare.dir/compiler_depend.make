# Empty compiler generated dependencies file for bench_compare.
# This may be replaced when dependencies are built.
