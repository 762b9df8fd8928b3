# Empty compiler generated dependencies file for test_serve_cache.
# This may be replaced when dependencies are built.
