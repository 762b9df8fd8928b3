# Empty compiler generated dependencies file for parallax-mpi.
# This may be replaced when dependencies are built.
