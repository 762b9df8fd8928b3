# Empty dependencies file for test_quote_group.
# This may be replaced when dependencies are built.
