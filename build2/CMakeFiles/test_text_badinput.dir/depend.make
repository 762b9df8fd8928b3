# Empty dependencies file for test_text_badinput.
# This may be replaced when dependencies are built.
