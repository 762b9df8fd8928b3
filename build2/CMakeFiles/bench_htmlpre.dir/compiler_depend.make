# Empty compiler generated dependencies file for bench_htmlpre.
# This may be replaced when dependencies are built.
