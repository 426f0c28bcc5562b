#!/usr/bin/env python3
"""@file seed_to_latex.py
@brief The seed report (text pulled out of a PDF) typeset again as LaTeX: its footnotes as real
       \\footnote{}s at the markers that cite them, its session headings as \\section*, its
       bullets as itemize, page numbers and a running head, hyphenation on.

Usage: seed_to_latex.py [--twocolumn] [--babel LANGUAGE] REPORT.txt OUT.tex

REPORT.txt is a report in the seed's layout (front matter, session headings such as "Day 1.
Session 2 - ..." or "Jour 1. Séance 2 – ...", superscript markers, footnote blocks).
--twocolumn sets the body in two columns under a full-width title block; --babel loads babel
for LANGUAGE (its hyphenation patterns and typography).

Every passage gets \\label{pN} where it starts and \\label{pNe} where it ends (N counts
paragraphs and bullets from 1 in reading order, as the readers number passages), every footnote
\\label{fnN}: pdflatex writes their pages into the .aux file, which the tests read to know where
LaTeX put each passage.
"""
import argparse
import re

SUPERSCRIPT = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}
SUP_RUN = re.compile("[" + "".join(SUPERSCRIPT) + "]+")


def number(sup):
    return int("".join(SUPERSCRIPT[c] for c in sup))


def escape(text):
    """Plain text → LaTeX source, Markdown links and autolinks made LaTeX."""
    out = []
    pos = 0
    # <https://...> autolinks become \url; [label](#) links keep their label.
    for m in re.finditer(r"<(https?://[^>]+)>|\[((?:[^\]\\]|\\.)*)\]\(([^)]*)\)", text):
        out.append(escape_plain(text[pos:m.start()]))
        if m.group(1):
            out.append(r"\url{" + m.group(1) + "}")
        else:
            out.append(escape_plain(re.sub(r"\\(.)", r"\1", m.group(2))))
        pos = m.end()
    out.append(escape_plain(text[pos:]))
    return "".join(out)


def escape_plain(text):
    repl = {
        "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
        "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
        "'": r"\textquotesingle{}", '"': r"\textquotedbl{}", "<": r"\textless{}", ">": r"\textgreater{}",
    }
    return "".join(repl.get(c, c) for c in text)


def main(seed_path, out_path, twocolumn=False, babel=None):
    with open(seed_path, encoding="utf-8") as f:
        blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", f.read()) if b.strip()]

    # The front matter: the short lines before the first paragraph.
    front = []
    while blocks and len(blocks[0]) < 120:
        front.append(blocks.pop(0))

    footnotes = {}
    body = []  # (kind, text): kind "p", "item" or "h"
    for b in blocks:
        m = SUP_RUN.match(b)
        if m:
            footnotes[number(m.group(0))] = " ".join(b[m.end():].split())
            continue
        lines = b.split("\n")
        if all(l.startswith("- ") for l in lines):
            body.extend(("item", l[2:].strip()) for l in lines)
            continue
        text = " ".join(b.split())
        heading = re.fullmatch(r"\[?((?:Day|Jour|Tag) \d+\. (?:Session|Séance|Sitzung) \d+ [-–] [^\]]*)\]?(?:\(#\))?", text)
        if heading:
            body.append(("h", heading.group(1)))
        elif body and body[-1][0] == "p" and text[0].islower():
            body[-1] = ("p", body[-1][1] + " " + text)  # the paragraph the footnote block cut
        else:
            body.append(("p", text))

    def with_footnotes(text):
        out, pos = [], 0
        for m in SUP_RUN.finditer(text):
            out.append(escape(text[pos:m.start()]))
            n = number(m.group(0))
            out.append(r"\footnote{\label{fn%d}%s}" % (n, escape(footnotes[n])))
            pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out)

    # A word the seed spells both joined and hyphenated ("frontline", "front-line") is not
    # hyphenated: broken at a line end the two spellings look the same, to any reader.
    words = set(re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", "\n".join(blocks)))
    both = sorted(w.replace("-", "") for w in words if "-" in w and w.replace("-", "") in words)

    title = front[1] if len(front) > 1 and front[0].isupper() else front[0]
    tex = [
        r"\documentclass[11pt,a4paper%s]{article}" % (",twocolumn" if twocolumn else ""),
        r"\usepackage[T1]{fontenc}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage{mathptmx}",
        r"\usepackage{textcomp}",
    ] + ([r"\usepackage[%s]{babel}" % babel] if babel else []) + [
        r"\usepackage[hyphens]{url}",
        r"\urlstyle{same}",
        r"\usepackage{fancyhdr}",
        r"\input{glyphtounicode}\pdfgentounicode=1",
        r"\pagestyle{fancy}",
        r"\fancyhf{}",
        r"\fancyhead[L]{\small " + escape(front[0]) + "}",
        r"\fancyhead[R]{\small " + escape(front[-2] if len(front) > 2 else "") + "}",
        r"\fancyfoot[C]{\thepage}",
        r"\setlength{\headheight}{14pt}",
        r"\hyphenation{" + " ".join(both) + "}",
        r"\begin{document}",
        r"\thispagestyle{plain}",
    ]
    if twocolumn:
        tex.append(r"\twocolumn[")
    tex.append(r"\begin{center}")
    for i, line in enumerate(front):
        size = r"\LARGE\bfseries" if line == title else (r"\large\bfseries" if line.isupper() else r"\large")
        tex.append("{%s %s\\par}\\medskip" % (size, escape(line)))
    tex.append(r"\end{center}")
    if twocolumn:
        tex.append(r"\bigskip]")
    tex.append("")
    n = 0
    in_list = False
    for kind, text in body:
        if kind == "item" and not in_list:
            tex.append(r"\begin{itemize}")
            in_list = True
        if kind != "item" and in_list:
            tex.append(r"\end{itemize}")
            in_list = False
        if kind == "h":
            tex.append(r"\section*{%s}" % escape(text))
            continue
        n += 1
        start = r"\item\label{p%d}" % n if kind == "item" else r"\leavevmode\label{p%d}" % n
        tex.append("%s%s\\label{p%de}" % (start, with_footnotes(text), n))
        tex.append("")
    if in_list:
        tex.append(r"\end{itemize}")
    tex.append(r"\end{document}")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(tex) + "\n")


if __name__ == "__main__":
    args = argparse.ArgumentParser(description="A report in the seed's layout typeset as LaTeX.")
    args.add_argument("--twocolumn", action="store_true")
    args.add_argument("--babel")
    args.add_argument("report")
    args.add_argument("out")
    a = args.parse_args()
    main(a.report, a.out, a.twocolumn, a.babel)
