/* fuzz_cli.c - libFuzzer target: the command line's option parser
 * (src/options.c, parse_args) over arbitrary argument vectors, with the
 * real command tables (src/main.c, compiled here with its main renamed).
 *
 * Input: the first byte picks the command; the rest, split at NUL bytes, is
 * argv[1..].  Checked: parse_args returns 0 or the usage exit code, and
 * what it accepts is what the table allows (whole numbers and numbers in
 * their range, positional arguments within the command's count, --db not
 * empty).  Usage messages and help go to /dev/null. */
#define main px_cli_main
#include "../../src/main.c"
#undef main

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static size_t ncmd;
  static FILE *devnull;
  if (!devnull) {
    devnull = fopen("/dev/null", "w");
    if (!devnull) abort();
    stdout = devnull; /* the FILE streams only: the sanitizers and libFuzzer */
    stderr = devnull; /* write to their file descriptors */
    while (commands[ncmd].name) ncmd++;
  }
  if (size < 1 || size > 4096) return 0;
  const command *cmd = &commands[data[0] % ncmd];
  if (!cmd->opts) return 0; /* a command parsing its own options */
  /* argv: "parallax-cmd" then the NUL-separated pieces. */
  char *buf = malloc(size);
  char **argv = calloc(size + 2, sizeof(char *));
  if (!buf || !argv) abort();
  memcpy(buf, data + 1, size - 1);
  buf[size - 1] = '\0';
  int argc = 0;
  argv[argc++] = (char *)cmd->name;
  for (size_t i = 0; i < size - 1;) {
    argv[argc++] = buf + i;
    i += strlen(buf + i) + 1;
  }
  cli c = {.prog = "parallax", .format = FMT_TEXT};
  args a;
  bool done = false;
  int rc = parse_args(&c, cmd, argc, argv, &a, &done);
  if (rc != EXIT_OK && rc != EXIT_USAGE) abort();
  if (rc == EXIT_OK && !done) {
    for (int j = 0; cmd->opts[j].name; j++) {
      const opt_def *o = &cmd->opts[j];
      const optval *v = &a.v[j];
      if (!v->set) continue;
      if (o->kind == O_INT && ((double)v->i < o->min || (double)v->i > o->max)) abort();
      if (o->kind == O_NUM && !(v->d >= o->min && v->d <= o->max)) abort();
      if (o->kind == O_LIST && (v->nlist == 0 || !v->list)) abort();
      if (o->kind != O_FLAG && !v->s) abort();
    }
    if (a.npos < cmd->min_pos || (cmd->max_pos >= 0 && a.npos > cmd->max_pos)) abort();
    if (c.db_path && !c.db_path[0]) abort();
  }
  free_args(&a);
  free(argv);
  free(buf);
  return 0;
}
