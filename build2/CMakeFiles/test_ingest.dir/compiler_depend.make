# Empty compiler generated dependencies file for test_ingest.
# This may be replaced when dependencies are built.
