/** @file report_lines.h
 *  @brief Test support: a report's passages as "kind: text" lines, compared whole so that a
 *         failing reader test prints what was read.
 */
#ifndef RAPPORTEUR_TEST_REPORT_LINES_H
#define RAPPORTEUR_TEST_REPORT_LINES_H

#include "rapporteur/model/report.h"

#include <string>
#include <vector>

namespace rapporteur::test {

/// One line a passage, in order: its kind_name, ": ", its text.
inline std::vector<std::string> kinds_and_texts(const Report& report) {
    std::vector<std::string> out;
    for (const auto& p : report.passages) out.push_back(std::string(kind_name(p.kind)) + ": " + p.text);
    return out;
}

} // namespace rapporteur::test

#endif
