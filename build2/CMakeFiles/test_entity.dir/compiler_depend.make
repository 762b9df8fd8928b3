# Empty compiler generated dependencies file for test_entity.
# This may be replaced when dependencies are built.
