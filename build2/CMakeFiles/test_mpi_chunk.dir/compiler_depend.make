# Empty compiler generated dependencies file for test_mpi_chunk.
# This may be replaced when dependencies are built.
