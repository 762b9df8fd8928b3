# Empty dependencies file for parallax-cli.
# This may be replaced when dependencies are built.
