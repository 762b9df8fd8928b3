# Empty compiler generated dependencies file for test_disputes.
# This may be replaced when dependencies are built.
