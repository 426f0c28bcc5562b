# @file tests/indexer/pdf_tests.cmake
# @brief The PDF reader's tests (included by tests/indexer/CMakeLists.txt).
# The PDF reader's tests read PDFs made here from sources in the repository: the seed and a
# French two-column report typeset by pdflatex (their .aux files say on which page LaTeX put
# each passage), the seed encrypted by qpdf, and a 5,000-page PDF written by a script.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(PDFLATEX pdflatex REQUIRED)
find_program(QPDF qpdf REQUIRED)
set(PDF_SOURCES ${PROJECT_SOURCE_DIR}/tests/data/indexer/pdf)
set(PDF_OUT ${CMAKE_CURRENT_BINARY_DIR}/pdf)
function(rapporteur_latex_pdf name report)
  add_custom_command(OUTPUT ${PDF_OUT}/${name}.pdf ${PDF_OUT}/${name}.aux
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PDF_OUT}
    COMMAND Python3::Interpreter ${PDF_SOURCES}/seed_to_latex.py ${ARGN} ${report} ${PDF_OUT}/${name}.tex
    COMMAND ${PDFLATEX} -interaction=batchmode -halt-on-error -output-directory ${PDF_OUT} ${PDF_OUT}/${name}.tex
    DEPENDS ${PDF_SOURCES}/seed_to_latex.py ${report}
    COMMENT "pdflatex ${name}.pdf" VERBATIM)
endfunction()
rapporteur_latex_pdf(seed ${PROJECT_SOURCE_DIR}/seeds/000_2e1ad919f53edd39.txt)
rapporteur_latex_pdf(rapport_deux_colonnes ${PDF_SOURCES}/rapport_deux_colonnes.txt --twocolumn --babel french)
add_custom_command(OUTPUT ${PDF_OUT}/seed-encrypted.pdf
  COMMAND ${QPDF} --encrypt user-secret owner-secret 256 -- ${PDF_OUT}/seed.pdf ${PDF_OUT}/seed-encrypted.pdf
  DEPENDS ${PDF_OUT}/seed.pdf VERBATIM)
add_custom_command(OUTPUT ${PDF_OUT}/long.pdf
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PDF_OUT}
  COMMAND Python3::Interpreter ${PDF_SOURCES}/make_long_pdf.py ${PDF_OUT}/long.pdf 5000
  DEPENDS ${PDF_SOURCES}/make_long_pdf.py VERBATIM)
add_custom_target(rapporteur_test_pdfs DEPENDS
  ${PDF_OUT}/seed.pdf ${PDF_OUT}/rapport_deux_colonnes.pdf ${PDF_OUT}/seed-encrypted.pdf ${PDF_OUT}/long.pdf)

add_executable(test_indexer_pdf test_pdf_reader.cc test_pdf_page_lines.cc test_pdf_outline.cc
  test_line_joiner.cc)
target_link_libraries(test_indexer_pdf PRIVATE Catch2::Catch2WithMain Rapporteur::readers Rapporteur::unicode)
target_include_directories(test_indexer_pdf PRIVATE ${PROJECT_SOURCE_DIR}/indexer/readers/src ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(test_indexer_pdf PRIVATE
  RAPPORTEUR_SEEDS="${PROJECT_SOURCE_DIR}/seeds"
  RAPPORTEUR_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data/indexer"
  RAPPORTEUR_PDF_DIR="${PDF_OUT}"
  RAPPORTEUR_INDEX_BIN="$<TARGET_FILE:rapporteur-index>")
add_dependencies(test_indexer_pdf rapporteur_test_pdfs rapporteur-index)
catch_discover_tests(test_indexer_pdf TEST_PREFIX "indexer." PROPERTIES TIMEOUT 900
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan_pdf.supp")
