/** @file freedict_entry.h
 *  @brief The translations of one FreeDict entry, as Debian's dict-freedict-* packages store it.
 *
 *  FreeDict's dictd export (freedict-tools' TEI → dictd conversion) writes an entry as the
 *  headword line (`headword /pronunciation/ <part of speech>`), then one line per sense: the
 *  translations separated by commas or semicolons, numbered `1.`, `2.` when there are several
 *  senses, each perhaps followed by a grammar label `<masc>` or a domain `[jur.]`; indented
 *  lines are notes, examples, `see:` and `Synonyms:` cross-references.
 */
#ifndef RAPPORTEUR_TRANSLATION_FREEDICT_ENTRY_H
#define RAPPORTEUR_TRANSLATION_FREEDICT_ENTRY_H

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/** The translations an entry gives, in its order, without labels, numbering or duplicates:
 *  "trafficking /tɹˈafɪkɪŋ/\nillegales Handeln <neut>, illegaler Handel <masc> [jur.]\n
 *  Note: mit etw." → {"illegales Handeln", "illegaler Handel"}. Empty for an entry with no
 *  sense line. */
std::vector<std::string> parse_freedict_entry(std::string_view entry);

} // namespace rapporteur

#endif
