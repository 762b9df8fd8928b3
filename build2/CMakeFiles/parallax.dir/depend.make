# Empty dependencies file for parallax.
# This may be replaced when dependencies are built.
