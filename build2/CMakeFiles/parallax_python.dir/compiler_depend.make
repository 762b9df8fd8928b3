# Empty compiler generated dependencies file for parallax_python.
# This may be replaced when dependencies are built.
