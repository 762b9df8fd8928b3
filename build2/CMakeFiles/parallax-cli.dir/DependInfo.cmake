
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/cli.c" "CMakeFiles/parallax-cli.dir/src/cli.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cli.c.o.d"
  "/work/main/src/cmd_analyze.c" "CMakeFiles/parallax-cli.dir/src/cmd_analyze.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_analyze.c.o.d"
  "/work/main/src/cmd_articles.c" "CMakeFiles/parallax-cli.dir/src/cmd_articles.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_articles.c.o.d"
  "/work/main/src/cmd_compare.c" "CMakeFiles/parallax-cli.dir/src/cmd_compare.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_compare.c.o.d"
  "/work/main/src/cmd_dedup.c" "CMakeFiles/parallax-cli.dir/src/cmd_dedup.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_dedup.c.o.d"
  "/work/main/src/cmd_entities.c" "CMakeFiles/parallax-cli.dir/src/cmd_entities.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_entities.c.o.d"
  "/work/main/src/cmd_export.c" "CMakeFiles/parallax-cli.dir/src/cmd_export.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_export.c.o.d"
  "/work/main/src/cmd_ingest.c" "CMakeFiles/parallax-cli.dir/src/cmd_ingest.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_ingest.c.o.d"
  "/work/main/src/cmd_quotes.c" "CMakeFiles/parallax-cli.dir/src/cmd_quotes.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_quotes.c.o.d"
  "/work/main/src/cmd_search.c" "CMakeFiles/parallax-cli.dir/src/cmd_search.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_search.c.o.d"
  "/work/main/src/cmd_serve.c" "CMakeFiles/parallax-cli.dir/src/cmd_serve.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_serve.c.o.d"
  "/work/main/src/cmd_show.c" "CMakeFiles/parallax-cli.dir/src/cmd_show.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_show.c.o.d"
  "/work/main/src/cmd_stats.c" "CMakeFiles/parallax-cli.dir/src/cmd_stats.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_stats.c.o.d"
  "/work/main/src/cmd_stories.c" "CMakeFiles/parallax-cli.dir/src/cmd_stories.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_stories.c.o.d"
  "/work/main/src/cmd_threads.c" "CMakeFiles/parallax-cli.dir/src/cmd_threads.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_threads.c.o.d"
  "/work/main/src/cmd_watch.c" "CMakeFiles/parallax-cli.dir/src/cmd_watch.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/cmd_watch.c.o.d"
  "/work/main/src/lazylib.c" "CMakeFiles/parallax-cli.dir/src/lazylib.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/lazylib.c.o.d"
  "/work/main/src/main.c" "CMakeFiles/parallax-cli.dir/src/main.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/main.c.o.d"
  "/work/main/src/options.c" "CMakeFiles/parallax-cli.dir/src/options.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/options.c.o.d"
  "/work/main/src/serve_assets.c" "CMakeFiles/parallax-cli.dir/src/serve_assets.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_assets.c.o.d"
  "/work/main/src/serve_cache.c" "CMakeFiles/parallax-cli.dir/src/serve_cache.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_cache.c.o.d"
  "/work/main/src/serve_groups.c" "CMakeFiles/parallax-cli.dir/src/serve_groups.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_groups.c.o.d"
  "/work/main/src/serve_json.c" "CMakeFiles/parallax-cli.dir/src/serve_json.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_json.c.o.d"
  "/work/main/src/serve_pages.c" "CMakeFiles/parallax-cli.dir/src/serve_pages.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_pages.c.o.d"
  "/work/main/src/serve_route.c" "CMakeFiles/parallax-cli.dir/src/serve_route.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_route.c.o.d"
  "/work/main/src/serve_story.c" "CMakeFiles/parallax-cli.dir/src/serve_story.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_story.c.o.d"
  "/work/main/src/serve_svg.c" "CMakeFiles/parallax-cli.dir/src/serve_svg.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_svg.c.o.d"
  "/work/main/src/serve_util.c" "CMakeFiles/parallax-cli.dir/src/serve_util.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/serve_util.c.o.d"
  "/work/main/src/story_compare.c" "CMakeFiles/parallax-cli.dir/src/story_compare.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/story_compare.c.o.d"
  "/work/main/src/watch_alert.c" "CMakeFiles/parallax-cli.dir/src/watch_alert.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/watch_alert.c.o.d"
  "/work/main/src/watch_config.c" "CMakeFiles/parallax-cli.dir/src/watch_config.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/watch_config.c.o.d"
  "/work/main/src/watch_fetch.c" "CMakeFiles/parallax-cli.dir/src/watch_fetch.c.o" "gcc" "CMakeFiles/parallax-cli.dir/src/watch_fetch.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build2/CMakeFiles/parallax.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
