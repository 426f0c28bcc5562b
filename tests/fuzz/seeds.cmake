# @file tests/fuzz/seeds.cmake
# @brief The seeds of the binary-format reader targets, made in the build as the reader tests
#        make theirs (no binary file in the repository): pandoc's DOCX, ODT and HTML of the test
#        reports in Markdown, their XML entries, small uncompressed PDFs from make_long_pdf.py
#        and, when pdflatex is there, the seed report typeset. Part of fuzz_all; run.sh reads
#        them from BUILD/tests/fuzz/seeds/<target without fuzz_>/.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(PANDOC pandoc)
find_program(PDFLATEX pdflatex)
set(fuzz_seeds ${CMAKE_CURRENT_BINARY_DIR}/seeds)
set(fuzz_seed_files)
set(data ${PROJECT_SOURCE_DIR}/tests/data/indexer)
if(PANDOC)
  foreach(md ${data}/formats/seed.md ${data}/bericht_de.md ${data}/compte_rendu_fr.md ${data}/variant_en.md)
    get_filename_component(stem ${md} NAME_WE)
    foreach(ext docx odt html)
      set(out ${fuzz_seeds}/reader_${ext}/${stem}.${ext})
      add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${fuzz_seeds}/reader_${ext}
        COMMAND ${PANDOC} --from markdown-smart --standalone ${md} -o ${out}
        DEPENDS ${md} COMMENT "fuzz seed ${stem}.${ext}" VERBATIM)
      list(APPEND fuzz_seed_files ${out})
    endforeach()
    foreach(pair "docx;word/document.xml" "odt;content.xml")
      list(GET pair 0 ext)
      list(GET pair 1 entry)
      set(out ${fuzz_seeds}/reader_${ext}_xml/${stem}.xml)
      add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${fuzz_seeds}/reader_${ext}_xml
        COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/zip_entry.py
                ${fuzz_seeds}/reader_${ext}/${stem}.${ext} ${entry} ${out}
        DEPENDS ${fuzz_seeds}/reader_${ext}/${stem}.${ext} ${CMAKE_CURRENT_SOURCE_DIR}/zip_entry.py VERBATIM)
      list(APPEND fuzz_seed_files ${out})
    endforeach()
  endforeach()
endif()
foreach(pages 1 3 12)
  set(out ${fuzz_seeds}/reader_pdf/pages-${pages}.pdf)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${fuzz_seeds}/reader_pdf
    COMMAND Python3::Interpreter ${data}/pdf/make_long_pdf.py ${out} ${pages}
    DEPENDS ${data}/pdf/make_long_pdf.py VERBATIM)
  list(APPEND fuzz_seed_files ${out})
endforeach()
if(PDFLATEX)
  set(work ${CMAKE_CURRENT_BINARY_DIR}/latex)
  add_custom_command(OUTPUT ${fuzz_seeds}/reader_pdf/seed.pdf
    COMMAND ${CMAKE_COMMAND} -E make_directory ${work} ${fuzz_seeds}/reader_pdf
    COMMAND Python3::Interpreter ${data}/pdf/seed_to_latex.py ${PROJECT_SOURCE_DIR}/seeds/000_2e1ad919f53edd39.txt ${work}/seed.tex
    COMMAND ${PDFLATEX} -interaction=batchmode -halt-on-error -output-directory ${work} ${work}/seed.tex
    COMMAND ${CMAKE_COMMAND} -E copy ${work}/seed.pdf ${fuzz_seeds}/reader_pdf/seed.pdf
    DEPENDS ${data}/pdf/seed_to_latex.py ${PROJECT_SOURCE_DIR}/seeds/000_2e1ad919f53edd39.txt
    COMMENT "fuzz seed seed.pdf (pdflatex)" VERBATIM)
  list(APPEND fuzz_seed_files ${fuzz_seeds}/reader_pdf/seed.pdf)
endif()
add_custom_target(fuzz_seeds DEPENDS ${fuzz_seed_files})
add_dependencies(fuzz_all fuzz_seeds)
