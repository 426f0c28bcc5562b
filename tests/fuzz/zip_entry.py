#!/usr/bin/env python3
"""@file zip_entry.py
@brief Writes one entry of a zip archive to a file: the XML seeds of fuzz_reader_docx_xml and
       fuzz_reader_odt_xml, taken from pandoc's DOCX and ODT.

Usage: zip_entry.py ARCHIVE ENTRY OUT
"""
import sys
import zipfile

if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: zip_entry.py ARCHIVE ENTRY OUT")
    with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[3], "wb") as out:
        out.write(z.read(sys.argv[2]))
