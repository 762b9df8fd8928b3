#!/usr/bin/env python3
"""schema_check.py SCHEMA_DIR NAME FILE - validate each line of FILE (JSON
Lines; or FILE as one document when it is one, as the comparison report)
against SCHEMA_DIR/NAME.schema.json, with every schema of the folder
available to $ref.  Exit 1 with the first error."""
import json
import os
import sys

import jsonschema


def schemas(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            s = json.load(open(os.path.join(folder, name), encoding="utf-8"))
            out[s["$id"]] = s
    return out


def validator(folder, schema):
    store = schemas(folder)
    kw = {"format_checker": jsonschema.FormatChecker()}
    try:  # jsonschema 4.18 and later
        from referencing import Registry, Resource
        reg = Registry().with_resources(
            [(k, Resource.from_contents(v)) for k, v in store.items()])
        return jsonschema.Draft202012Validator(schema, registry=reg, **kw)
    except ImportError:  # older: a resolver over the same schemas
        res = jsonschema.RefResolver.from_schema(schema, store=store)
        return jsonschema.Draft202012Validator(schema, resolver=res, **kw)


def main():
    folder, name, path = sys.argv[1:4]
    schema = json.load(open(os.path.join(folder, name + ".schema.json"), encoding="utf-8"))
    v = validator(folder, schema)
    n = 0
    text = open(path, encoding="utf-8").read()
    try:
        docs = [(1, json.loads(text))] if text.count("\n") > 1 and text.lstrip().startswith("{") else None
    except ValueError:
        docs = None
    if docs is None:
        docs = [(i, json.loads(l)) for i, l in enumerate(text.split("\n"), 1) if l.strip()]
    for i, doc in docs:
        n += 1
        errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            print("%s:%d: %s at %s" % (path, i, e.message, "/".join(map(str, e.path))))
            return 1
    if n == 0:
        print("%s: no record to check" % path)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
