#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# English needs a translation file only for its plural forms: Qt expands "%n task(s)" into
# "1 task" / "2 tasks" through the .qm. This fills the numerus forms of taskmon_en.ts from
# the source text ("(s)" dropped for one, "s" for many) and leaves every other message to
# fall back to its source text. Run after lupdate: resources/translations/update.sh.
import re
import sys
from xml.sax.saxutils import escape

path = sys.argv[1]
text = open(path, encoding="utf-8").read()

def fill(match):
    source = match.group(1)
    plain = re.sub(r"&[a-z]+;", lambda m: {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"'}[m.group(0)], source)
    one = escape(plain.replace("(s)", ""))
    many = escape(plain.replace("(s)", "s"))
    return ('<message numerus="yes">\n        <source>%s</source>\n        <translation>\n'
            '            <numerusform>%s</numerusform>\n            <numerusform>%s</numerusform>\n'
            '        </translation>\n    </message>' % (source, one, many))

text = re.sub(r'<message numerus="yes">\s*<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>\s*</message>',
              fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
