"""`parallax compare --format json` on AllSides articles, for the scorers of
real stories (eval_furniture.py, eval_disputes.py)."""
import json
import os
import subprocess
import sys
import tempfile


def run_compare(parallax, arts):
    """The comparison of arts (AllSides records) as parsed JSON; a failed
    run raises CalledProcessError."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tf:
        for a in arts:
            tf.write(json.dumps({"id": a["id"], "source": a["source"], "title": a["title"],
                                 "date": a["date"], "text": a["body"]}) + "\n")
        path = tf.name
    try:
        out = subprocess.run([parallax, "compare", "--format", "json", "-q", path],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    return json.loads(out)


def scorer_args(usage):
    """(split, verbose, [parallax, labels, data]) from the command line:
    --split NAME and -v anywhere; exits with usage unless three remain."""
    args = sys.argv[1:]
    split = None
    if "--split" in args:
        i = args.index("--split")
        if i + 1 >= len(args):
            sys.exit(usage)
        split = args[i + 1]
        del args[i:i + 2]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    if len(args) != 3:
        sys.exit(usage)
    return split, verbose, args
