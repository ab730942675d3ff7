#!/usr/bin/env python3
"""Print a code block of README.md: the first ```LANG block after the heading SECTION.
`scripts/readme-example.py "### Python" python` is the example; `... text` what it prints."""
import sys

section, lang = sys.argv[1], sys.argv[2]
readme = open(sys.argv[3] if len(sys.argv) > 3 else "README.md", encoding="utf-8").read()
start = readme.index("\n" + section + "\n")
body = readme[start:]
fence = "```" + lang + "\n"
open_at = body.index(fence) + len(fence)
print(body[open_at:body.index("```", open_at)], end="")
