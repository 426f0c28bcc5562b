/** @file markdown_reader.cc
 *  @brief Markdown notes: the layout parser knows Markdown's headings, rules, lists and inline
 *         markup (inline_markup.cc), so a Markdown file is read by it too.
 */
#include "plain_text_reader.h"

namespace rapporteur {

Report MarkdownReader::read(std::string_view bytes, std::string_view name) const { return parse_report(bytes, name); }

} // namespace rapporteur
