file(REMOVE_RECURSE
  "CMakeFiles/parallax-cli.dir/src/cli.c.o"
  "CMakeFiles/parallax-cli.dir/src/cli.c.o.d"
  "CMakeFiles/parallax-cli.dir/src/cmd_articles.c.o"
  "CMakeFiles/parallax-cli.dir/src/cmd_articles.c.o.d"
  "CMakeFiles/parallax-cli.dir/src/cmd_ingest.c.o"
  "CMakeFiles/parallax-cli.dir/src/cmd_ingest.c.o.d"
  "CMakeFiles/parallax-cli.dir/src/cmd_show.c.o"
  "CMakeFiles/parallax-cli.dir/src/cmd_show.c.o.d"
  "CMakeFiles/parallax-cli.dir/src/main.c.o"
  "CMakeFiles/parallax-cli.dir/src/main.c.o.d"
  "parallax"
  "parallax.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/parallax-cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
