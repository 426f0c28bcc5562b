/** @file plain_text_reader.cc
 *  @brief Plain text: the layout parser (report_parser.cc) reads it as it stands.
 */
#include "plain_text_reader.h"

namespace rapporteur {

Report PlainTextReader::read(std::string_view bytes, std::string_view name) const { return parse_report(bytes, name); }

} // namespace rapporteur
