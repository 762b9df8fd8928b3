# Empty compiler generated dependencies file for test_story_stored.
# This may be replaced when dependencies are built.
