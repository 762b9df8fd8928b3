
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/lib/align/cmp_blob.c" "CMakeFiles/parallax.dir/lib/align/cmp_blob.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/cmp_blob.c.o.d"
  "/work/main/lib/align/compare.c" "CMakeFiles/parallax.dir/lib/align/compare.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/compare.c.o.d"
  "/work/main/lib/align/cquotes.c" "CMakeFiles/parallax.dir/lib/align/cquotes.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/cquotes.c.o.d"
  "/work/main/lib/align/discrep.c" "CMakeFiles/parallax.dir/lib/align/discrep.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/discrep.c.o.d"
  "/work/main/lib/align/facts.c" "CMakeFiles/parallax.dir/lib/align/facts.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/facts.c.o.d"
  "/work/main/lib/align/furniture.c" "CMakeFiles/parallax.dir/lib/align/furniture.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/furniture.c.o.d"
  "/work/main/lib/align/lex.c" "CMakeFiles/parallax.dir/lib/align/lex.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/lex.c.o.d"
  "/work/main/lib/align/simmodel.c" "CMakeFiles/parallax.dir/lib/align/simmodel.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/simmodel.c.o.d"
  "/work/main/lib/align/simscore.c" "CMakeFiles/parallax.dir/lib/align/simscore.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/simscore.c.o.d"
  "/work/main/lib/align/synonyms.c" "CMakeFiles/parallax.dir/lib/align/synonyms.c.o" "gcc" "CMakeFiles/parallax.dir/lib/align/synonyms.c.o.d"
  "/work/main/lib/analyze/cues.c" "CMakeFiles/parallax.dir/lib/analyze/cues.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/cues.c.o.d"
  "/work/main/lib/analyze/dateline.c" "CMakeFiles/parallax.dir/lib/analyze/dateline.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/dateline.c.o.d"
  "/work/main/lib/analyze/doc.c" "CMakeFiles/parallax.dir/lib/analyze/doc.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/doc.c.o.d"
  "/work/main/lib/analyze/doc_blob.c" "CMakeFiles/parallax.dir/lib/analyze/doc_blob.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/doc_blob.c.o.d"
  "/work/main/lib/analyze/entity.c" "CMakeFiles/parallax.dir/lib/analyze/entity.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/entity.c.o.d"
  "/work/main/lib/analyze/fold.c" "CMakeFiles/parallax.dir/lib/analyze/fold.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/fold.c.o.d"
  "/work/main/lib/analyze/gazetteer.c" "CMakeFiles/parallax.dir/lib/analyze/gazetteer.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/gazetteer.c.o.d"
  "/work/main/lib/analyze/lang.c" "CMakeFiles/parallax.dir/lib/analyze/lang.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/lang.c.o.d"
  "/work/main/lib/analyze/names.c" "CMakeFiles/parallax.dir/lib/analyze/names.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/names.c.o.d"
  "/work/main/lib/analyze/quote.c" "CMakeFiles/parallax.dir/lib/analyze/quote.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/quote.c.o.d"
  "/work/main/lib/analyze/quote_api.c" "CMakeFiles/parallax.dir/lib/analyze/quote_api.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/quote_api.c.o.d"
  "/work/main/lib/analyze/quote_group.c" "CMakeFiles/parallax.dir/lib/analyze/quote_group.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/quote_group.c.o.d"
  "/work/main/lib/analyze/quote_scan.c" "CMakeFiles/parallax.dir/lib/analyze/quote_scan.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/quote_scan.c.o.d"
  "/work/main/lib/analyze/quote_syn.c" "CMakeFiles/parallax.dir/lib/analyze/quote_syn.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/quote_syn.c.o.d"
  "/work/main/lib/analyze/sentence.c" "CMakeFiles/parallax.dir/lib/analyze/sentence.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/sentence.c.o.d"
  "/work/main/lib/analyze/stopwords.c" "CMakeFiles/parallax.dir/lib/analyze/stopwords.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/stopwords.c.o.d"
  "/work/main/lib/analyze/textan.c" "CMakeFiles/parallax.dir/lib/analyze/textan.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/textan.c.o.d"
  "/work/main/lib/analyze/token.c" "CMakeFiles/parallax.dir/lib/analyze/token.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/token.c.o.d"
  "/work/main/lib/analyze/variants.c" "CMakeFiles/parallax.dir/lib/analyze/variants.c.o" "gcc" "CMakeFiles/parallax.dir/lib/analyze/variants.c.o.d"
  "/work/main/lib/common/article.c" "CMakeFiles/parallax.dir/lib/common/article.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/article.c.o.d"
  "/work/main/lib/common/buf.c" "CMakeFiles/parallax.dir/lib/common/buf.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/buf.c.o.d"
  "/work/main/lib/common/ctx.c" "CMakeFiles/parallax.dir/lib/common/ctx.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/ctx.c.o.d"
  "/work/main/lib/common/date.c" "CMakeFiles/parallax.dir/lib/common/date.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/date.c.o.d"
  "/work/main/lib/common/hash.c" "CMakeFiles/parallax.dir/lib/common/hash.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/hash.c.o.d"
  "/work/main/lib/common/outlet.c" "CMakeFiles/parallax.dir/lib/common/outlet.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/outlet.c.o.d"
  "/work/main/lib/common/utf8.c" "CMakeFiles/parallax.dir/lib/common/utf8.c.o" "gcc" "CMakeFiles/parallax.dir/lib/common/utf8.c.o.d"
  "/work/main/lib/ingest/charset.c" "CMakeFiles/parallax.dir/lib/ingest/charset.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/charset.c.o.d"
  "/work/main/lib/ingest/extract.c" "CMakeFiles/parallax.dir/lib/ingest/extract.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/extract.c.o.d"
  "/work/main/lib/ingest/feed.c" "CMakeFiles/parallax.dir/lib/ingest/feed.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/feed.c.o.d"
  "/work/main/lib/ingest/formats.c" "CMakeFiles/parallax.dir/lib/ingest/formats.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/formats.c.o.d"
  "/work/main/lib/ingest/html.c" "CMakeFiles/parallax.dir/lib/ingest/html.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/html.c.o.d"
  "/work/main/lib/ingest/htmlpre.c" "CMakeFiles/parallax.dir/lib/ingest/htmlpre.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/htmlpre.c.o.d"
  "/work/main/lib/ingest/jsonl.c" "CMakeFiles/parallax.dir/lib/ingest/jsonl.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/jsonl.c.o.d"
  "/work/main/lib/ingest/reader.c" "CMakeFiles/parallax.dir/lib/ingest/reader.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/reader.c.o.d"
  "/work/main/lib/ingest/stream.c" "CMakeFiles/parallax.dir/lib/ingest/stream.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/stream.c.o.d"
  "/work/main/lib/ingest/text.c" "CMakeFiles/parallax.dir/lib/ingest/text.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/text.c.o.d"
  "/work/main/lib/ingest/warc.c" "CMakeFiles/parallax.dir/lib/ingest/warc.c.o" "gcc" "CMakeFiles/parallax.dir/lib/ingest/warc.c.o.d"
  "/work/main/lib/json/records.c" "CMakeFiles/parallax.dir/lib/json/records.c.o" "gcc" "CMakeFiles/parallax.dir/lib/json/records.c.o.d"
  "/work/main/lib/json/writer.c" "CMakeFiles/parallax.dir/lib/json/writer.c.o" "gcc" "CMakeFiles/parallax.dir/lib/json/writer.c.o.d"
  "/work/main/lib/pipeline/dedup_set.c" "CMakeFiles/parallax.dir/lib/pipeline/dedup_set.c.o" "gcc" "CMakeFiles/parallax.dir/lib/pipeline/dedup_set.c.o.d"
  "/work/main/lib/pipeline/ingest.c" "CMakeFiles/parallax.dir/lib/pipeline/ingest.c.o" "gcc" "CMakeFiles/parallax.dir/lib/pipeline/ingest.c.o.d"
  "/work/main/lib/pipeline/story_report.c" "CMakeFiles/parallax.dir/lib/pipeline/story_report.c.o" "gcc" "CMakeFiles/parallax.dir/lib/pipeline/story_report.c.o.d"
  "/work/main/lib/report/html.c" "CMakeFiles/parallax.dir/lib/report/html.c.o" "gcc" "CMakeFiles/parallax.dir/lib/report/html.c.o.d"
  "/work/main/lib/report/json.c" "CMakeFiles/parallax.dir/lib/report/json.c.o" "gcc" "CMakeFiles/parallax.dir/lib/report/json.c.o.d"
  "/work/main/lib/report/md.c" "CMakeFiles/parallax.dir/lib/report/md.c.o" "gcc" "CMakeFiles/parallax.dir/lib/report/md.c.o.d"
  "/work/main/lib/report/report.c" "CMakeFiles/parallax.dir/lib/report/report.c.o" "gcc" "CMakeFiles/parallax.dir/lib/report/report.c.o.d"
  "/work/main/lib/report/text.c" "CMakeFiles/parallax.dir/lib/report/text.c.o" "gcc" "CMakeFiles/parallax.dir/lib/report/text.c.o.d"
  "/work/main/lib/store/store.c" "CMakeFiles/parallax.dir/lib/store/store.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store.c.o.d"
  "/work/main/lib/store/store_analysis.c" "CMakeFiles/parallax.dir/lib/store/store_analysis.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_analysis.c.o.d"
  "/work/main/lib/store/store_batch.c" "CMakeFiles/parallax.dir/lib/store/store_batch.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_batch.c.o.d"
  "/work/main/lib/store/store_compare.c" "CMakeFiles/parallax.dir/lib/store/store_compare.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_compare.c.o.d"
  "/work/main/lib/store/store_feat.c" "CMakeFiles/parallax.dir/lib/store/store_feat.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_feat.c.o.d"
  "/work/main/lib/store/store_lookup.c" "CMakeFiles/parallax.dir/lib/store/store_lookup.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_lookup.c.o.d"
  "/work/main/lib/store/store_merge.c" "CMakeFiles/parallax.dir/lib/store/store_merge.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_merge.c.o.d"
  "/work/main/lib/store/store_read.c" "CMakeFiles/parallax.dir/lib/store/store_read.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_read.c.o.d"
  "/work/main/lib/store/store_search.c" "CMakeFiles/parallax.dir/lib/store/store_search.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_search.c.o.d"
  "/work/main/lib/store/store_state.c" "CMakeFiles/parallax.dir/lib/store/store_state.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_state.c.o.d"
  "/work/main/lib/store/store_story.c" "CMakeFiles/parallax.dir/lib/store/store_story.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_story.c.o.d"
  "/work/main/lib/store/store_thread.c" "CMakeFiles/parallax.dir/lib/store/store_thread.c.o" "gcc" "CMakeFiles/parallax.dir/lib/store/store_thread.c.o.d"
  "/work/main/lib/story/cluster.c" "CMakeFiles/parallax.dir/lib/story/cluster.c.o" "gcc" "CMakeFiles/parallax.dir/lib/story/cluster.c.o.d"
  "/work/main/lib/story/dedup.c" "CMakeFiles/parallax.dir/lib/story/dedup.c.o" "gcc" "CMakeFiles/parallax.dir/lib/story/dedup.c.o.d"
  "/work/main/lib/story/feat.c" "CMakeFiles/parallax.dir/lib/story/feat.c.o" "gcc" "CMakeFiles/parallax.dir/lib/story/feat.c.o.d"
  "/work/main/lib/story/featrec.c" "CMakeFiles/parallax.dir/lib/story/featrec.c.o" "gcc" "CMakeFiles/parallax.dir/lib/story/featrec.c.o.d"
  "/work/main/lib/story/hac.c" "CMakeFiles/parallax.dir/lib/story/hac.c.o" "gcc" "CMakeFiles/parallax.dir/lib/story/hac.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
