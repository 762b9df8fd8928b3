# Empty dependencies file for test_store_import.
# This may be replaced when dependencies are built.
