# Empty dependencies file for test_store_read.
# This may be replaced when dependencies are built.
