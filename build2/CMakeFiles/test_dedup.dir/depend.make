# Empty dependencies file for test_dedup.
# This may be replaced when dependencies are built.
