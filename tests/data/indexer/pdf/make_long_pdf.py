#!/usr/bin/env python3
"""@file make_long_pdf.py
@brief Writes a PDF of many pages (5,000 by default): a title, a session heading every tenth
       page, two paragraphs and a page number, in the 14 standard fonts (no embedding): the
       huge-document input of the PDF reader's tests, made without LaTeX in a second.

Usage: make_long_pdf.py OUT.pdf [PAGES]
"""
import sys


def main(out_path, pages):
    objects = []  # object bodies, numbered from 1

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * pages  # after every page and its content
    kids = []
    for n in range(1, pages + 1):
        lines = []
        y = 760
        if n == 1:
            lines.append(b"BT /F2 20 Tf 72 %d Td (Summary of a long meeting) Tj ET" % y)
            y -= 40
        if n % 10 == 1:
            lines.append(b"BT /F2 16 Tf 72 %d Td (Day %d. Session %d - Part %d of the long report) Tj ET" % (y, n // 10 + 1, n // 10 + 1, n // 10 + 1))
            y -= 36
        for para in range(2):
            for line in range(4):
                text = b"Page %d paragraph %d line %d: trafficking in human beings and the protection of victims" % (n, para + 1, line + 1)
                x = 90 if line == 0 else 72
                lines.append(b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (x, y, text + (b"." if line == 3 else b"")))
                y -= 14
            y -= 6
        lines.append(b"BT /F1 10 Tf 300 40 Td (%d) Tj ET" % n)
        stream = b"\n".join(lines)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages_id, content, font, bold)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    with open(out_path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: make_long_pdf.py OUT.pdf [PAGES]")
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 5000)
