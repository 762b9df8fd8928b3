
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/cli.c" "CMakeFiles/parallax-cli.dir/src/cli.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cli.c.o.d"
  "/work/main/src/cmd_articles.c" "CMakeFiles/parallax-cli.dir/src/cmd_articles.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_articles.c.o.d"
  "/work/main/src/cmd_ingest.c" "CMakeFiles/parallax-cli.dir/src/cmd_ingest.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_ingest.c.o.d"
  "/work/main/src/cmd_show.c" "CMakeFiles/parallax-cli.dir/src/cmd_show.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_show.c.o.d"
  "/work/main/src/main.c" "CMakeFiles/parallax-cli.dir/src/main.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/main.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/CMakeFiles/parallax.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
