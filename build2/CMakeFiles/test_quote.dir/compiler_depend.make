# Empty compiler generated dependencies file for test_quote.
# This may be replaced when dependencies are built.
