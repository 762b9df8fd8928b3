# Empty dependencies file for test_htmlsafe.
# This may be replaced when dependencies are built.
