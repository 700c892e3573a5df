#!/usr/bin/env python3
"""Adapts a native-layout corpus from ../shared/bench/gen_corpus.py to innotrain's schema.

The generator writes a placeholder schema. This script (not a hand edit) turns it into ours, so
the timed build does the same work as on real content:
  - book.toml: [site] + [[languages]] tables, the project's locales and theme copied in;
  - front matter: learning_outcomes list -> {knowledge, skills, responsibility_autonomy},
    audience ids mapped to ours, translations keep only their text keys (the rest is inherited),
    no-derivatives licences (which innotrain refuses) replaced by CC-BY-SA-4.0.
Standard library only.
"""
import os
import re
import shutil
import sys

AUDIENCE = {
    "trainers": "in-company-trainer", "learners": "tutor", "adult-educators": "vet-teacher",
    "youth-workers": "mentor", "managers": "company-manager", "mentors": "mentor",
}
NAMES = {"en": "English", "de": "Deutsch", "it": "Italiano", "es": "Español", "el": "Ελληνικά"}
TEXT_KEYS = ("title", "summary", "learning_outcomes", "keywords")


def parse_front(text):
    """The generator's YAML is simple: `key: scalar` or `key:` + `  - item` lines."""
    front, body = text[4:].split("\n---\n", 1)
    data, key = {}, None
    for line in front.split("\n"):
        if line.startswith("  - "):
            data[key].append(line[4:])
        elif line.endswith(":"):
            key = line[:-1]
            data[key] = []
        else:
            key, value = line.split(": ", 1)
            data[key] = value
    return data, body


def emit(data):
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            for sub, items in value.items():
                lines.append(f"  {sub}:")
                lines.extend(f"    - {item}" for item in items)
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {item}" for item in value)
        else:
            lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def adapt_module(path, is_translation):
    with open(path, encoding="utf-8") as f:
        data, body = parse_front(f.read())
    outcomes = data.get("learning_outcomes", [])
    data["learning_outcomes"] = {"knowledge": outcomes[:1], "skills": outcomes[1:2], "responsibility_autonomy": outcomes[2:]}
    if "audience" in data:
        data["audience"] = sorted({f'"{AUDIENCE[a.strip(chr(34))]}"' for a in data["audience"]})
    if "ND" in data.get("license", ""):
        data["license"] = '"CC-BY-SA-4.0"'
    if is_translation:
        data = {k: v for k, v in data.items() if k in TEXT_KEYS}
    with open(path, "w", encoding="utf-8") as f:
        f.write(emit(data) + body)


def main(corpus, repo):
    with open(os.path.join(corpus, "book.toml"), encoding="utf-8") as f:
        placeholder = f.read()
    langs = re.search(r"languages = \[(.*?)\]", placeholder).group(1).replace('"', "").replace(" ", "").split(",")
    book = ['[site]', 'title = "Benchmark corpus"', f'default-language = "{langs[0]}"',
            'funding-period = "2014-2020"', 'license = "CC-BY-SA-4.0"', 'version = "1.0"', ""]
    for lang in langs:
        book += ["[[languages]]", f'code = "{lang}"', f'name = "{NAMES.get(lang, lang)}"', ""]
    with open(os.path.join(corpus, "book.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(book))
    for folder in ("locales", "themes"):
        shutil.rmtree(os.path.join(corpus, folder), ignore_errors=True)
        shutil.copytree(os.path.join(repo, folder), os.path.join(corpus, folder))
    for root, _, files in os.walk(os.path.join(corpus, "content")):
        for name in files:
            if name.endswith(".md") and name[0].isdigit():
                adapt_module(os.path.join(root, name), name.count(".") == 2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
