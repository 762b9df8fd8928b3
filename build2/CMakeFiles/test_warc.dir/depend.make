# Empty dependencies file for test_warc.
# This may be replaced when dependencies are built.
