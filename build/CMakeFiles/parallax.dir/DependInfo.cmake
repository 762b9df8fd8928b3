
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/lib/common/article.c" "CMakeFiles/parallax.dir/lib/common/article.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/article.c.o.d"
  "/work/main/lib/common/buf.c" "CMakeFiles/parallax.dir/lib/common/buf.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/buf.c.o.d"
  "/work/main/lib/common/ctx.c" "CMakeFiles/parallax.dir/lib/common/ctx.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/ctx.c.o.d"
  "/work/main/lib/common/date.c" "CMakeFiles/parallax.dir/lib/common/date.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/date.c.o.d"
  "/work/main/lib/common/hash.c" "CMakeFiles/parallax.dir/lib/common/hash.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/hash.c.o.d"
  "/work/main/lib/common/utf8.c" "CMakeFiles/parallax.dir/lib/common/utf8.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/utf8.c.o.d"
  "/work/main/lib/ingest/formats.c" "CMakeFiles/parallax.dir/lib/ingest/formats.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/formats.c.o.d"
  "/work/main/lib/ingest/jsonl.c" "CMakeFiles/parallax.dir/lib/ingest/jsonl.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/jsonl.c.o.d"
  "/work/main/lib/ingest/reader.c" "CMakeFiles/parallax.dir/lib/ingest/reader.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/reader.c.o.d"
  "/work/main/lib/ingest/stream.c" "CMakeFiles/parallax.dir/lib/ingest/stream.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/stream.c.o.d"
  "/work/main/lib/ingest/text.c" "CMakeFiles/parallax.dir/lib/ingest/text.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/text.c.o.d"
  "/work/main/lib/store/store.c" "CMakeFiles/parallax.dir/lib/store/store.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
