/** @file fuzz_trec_files.cc
 *  @brief libFuzzer targets: the qrels, run and topics readers (one binary each, chosen by
 *         RAPPORTEUR_FUZZ_TREC = 1 qrels, 2 run, 3 topics).
 *
 *  Each reader either reads its input or throws RuntimeError naming the source and line; no
 *  other outcome is allowed.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"
#if RAPPORTEUR_FUZZ_TREC == 3
#include "rapporteur/searcher.h"
#endif

#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
#if RAPPORTEUR_FUZZ_TREC == 1
        std::istringstream in(text);
        (void)Qrels::parse(in, "fuzz.qrels");
#elif RAPPORTEUR_FUZZ_TREC == 2
        std::istringstream in(text);
        (void)TrecRun::parse(in, "fuzz.run");
#elif RAPPORTEUR_FUZZ_TREC == 3
        (void)parse_topics(text, "fuzz.topics");
#else
#error "RAPPORTEUR_FUZZ_TREC must be 1, 2 or 3"
#endif
    } catch (const RuntimeError&) {
    }
    return 0;
}
