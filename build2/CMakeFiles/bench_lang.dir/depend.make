# Empty dependencies file for bench_lang.
# This may be replaced when dependencies are built.
