# Empty custom commands generated dependencies file for parallax_python_files.
# This may be replaced when dependencies are built.
