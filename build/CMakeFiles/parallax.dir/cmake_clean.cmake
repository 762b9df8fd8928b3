file(REMOVE_RECURSE
  "CMakeFiles/parallax.dir/lib/common/article.c.o"
  "CMakeFiles/parallax.dir/lib/common/article.c.o.d"
  "CMakeFiles/parallax.dir/lib/common/buf.c.o"
  "CMakeFiles/parallax.dir/lib/common/buf.c.o.d"
  "CMakeFiles/parallax.dir/lib/common/ctx.c.o"
  "CMakeFiles/parallax.dir/lib/common/ctx.c.o.d"
  "CMakeFiles/parallax.dir/lib/common/date.c.o"
  "CMakeFiles/parallax.dir/lib/common/date.c.o.d"
  "CMakeFiles/parallax.dir/lib/common/hash.c.o"
  "CMakeFiles/parallax.dir/lib/common/hash.c.o.d"
  "CMakeFiles/parallax.dir/lib/common/utf8.c.o"
  "CMakeFiles/parallax.dir/lib/common/utf8.c.o.d"
  "CMakeFiles/parallax.dir/lib/ingest/formats.c.o"
  "CMakeFiles/parallax.dir/lib/ingest/formats.c.o.d"
  "CMakeFiles/parallax.dir/lib/ingest/jsonl.c.o"
  "CMakeFiles/parallax.dir/lib/ingest/jsonl.c.o.d"
  "CMakeFiles/parallax.dir/lib/ingest/reader.c.o"
  "CMakeFiles/parallax.dir/lib/ingest/reader.c.o.d"
  "CMakeFiles/parallax.dir/lib/ingest/stream.c.o"
  "CMakeFiles/parallax.dir/lib/ingest/stream.c.o.d"
  "CMakeFiles/parallax.dir/lib/ingest/text.c.o"
  "CMakeFiles/parallax.dir/lib/ingest/text.c.o.d"
  "CMakeFiles/parallax.dir/lib/store/store.c.o"
  "CMakeFiles/parallax.dir/lib/store/store.c.o.d"
  "libparallax.a"
  "libparallax.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/parallax.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
