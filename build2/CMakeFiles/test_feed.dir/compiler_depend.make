# Empty compiler generated dependencies file for test_feed.
# This may be replaced when dependencies are built.
