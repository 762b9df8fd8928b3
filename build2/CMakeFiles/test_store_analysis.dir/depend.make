# Empty dependencies file for test_store_analysis.
# This may be replaced when dependencies are built.
