# Empty dependencies file for test_align.
# This may be replaced when dependencies are built.
