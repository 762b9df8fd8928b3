# Empty compiler generated dependencies file for test_lang.
# This may be replaced when dependencies are built.
