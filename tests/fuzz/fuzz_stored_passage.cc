/** @file fuzz_stored_passage.cc
 *  @brief libFuzzer target: the decoders of what the index stores for a passage (document
 *         data, session, multi-valued slots, word offsets, a shard's page value).
 *
 *  An input is the document data, a session value, a word-offsets value and a shard's page
 *  value, separated by SEPARATOR. read_stored_passage() either reads the data or throws
 *  RuntimeError ("damaged passage data"); decode_offsets() never throws and its spans keep
 *  their contract (starts never go back, no end before its start), for the offsets the data
 *  holds as for the third part; decode_session() reads any value; decode_page_value() either
 *  refuses the value or reads rising positions that encode_page_value() writes back to the
 *  same reading.
 *
 *  With RAPPORTEUR_FUZZ_WRITE_SEEDS=DIR in the environment, the target writes the passages of
 *  the seed report, encoded by the writer's own encoders, into DIR as its seed corpus and exits.
 */
#include "document_builder.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/readers.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace rapporteur;

constexpr std::string_view SEPARATOR = "\x1e\x1e";

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "decoder contract broken: %s\n", what);
        std::abort();
    }
}

/// decode_offsets()'s contract on flat spans, and their round trip through encode_offsets().
void check_spans(const std::vector<std::uint32_t>& spans) {
    require(spans.size() % 2 == 0, "an odd number of span bounds");
    for (std::size_t i = 0; i < spans.size(); i += 2) {
        require(spans[i] <= spans[i + 1], "a span ending before it starts");
        if (i > 0) require(spans[i] >= spans[i - 2], "a span starting before the previous one");
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t i = 0; i < spans.size(); i += 2) pairs.emplace_back(spans[i], spans[i + 1]);
    require(codecs::decode_offsets(codecs::encode_offsets(pairs)) == spans, "offsets do not survive a round trip");
}

/// The seed report's passages as the writer stores them, one fuzz input each.
void write_seeds(const std::string& dir) {
    const Analyzer analyzer;
    const std::string path = std::string(RAPPORTEUR_SOURCE_DATADIR) + "/seeds/000_2e1ad919f53edd39.txt";
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const PreparedReport prepared = DocumentBuilder(analyzer).build(reader_for(path)->read(bytes.str(), path));
    int n = 0;
    for (const auto& p : prepared.passages) {
        std::string input = p.document.get_data();
        input += SEPARATOR;
        input += p.document.get_value(schema::SLOT_SESSION);
        input += SEPARATOR;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        const auto spans = read_stored_passage(p.document).offsets;
        for (std::size_t i = 0; i + 1 < spans.size(); i += 2) pairs.emplace_back(spans[i], spans[i + 1]);
        input += codecs::encode_offsets(pairs);
        input += SEPARATOR;
        input += page_value(p.document);
        std::ofstream(dir + "/passage-" + std::to_string(++n), std::ios::binary) << input;
    }
    std::exit(0);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("RAPPORTEUR_FUZZ_WRITE_SEEDS"); dir && *dir) write_seeds(dir);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> parts;
    for (std::size_t at = 0;;) {
        const std::size_t next = input.find(SEPARATOR, at);
        parts.push_back(input.substr(at, next == std::string_view::npos ? next : next - at));
        if (next == std::string_view::npos) break;
        at = next + SEPARATOR.size();
    }
    Xapian::Document doc;
    doc.set_data(std::string(parts[0]));
    try {
        const StoredPassage p = read_stored_passage(doc);
        require(read_stored_id(doc) == p.id, "read_stored_id disagrees with read_stored_passage");
        check_spans(p.offsets);
    } catch (const RuntimeError&) {
        // "damaged passage data": the expected answer.
    }
    const std::string session = parts.size() > 1 ? std::string(parts[1]) : std::string();
    const Session s = codecs::decode_session(session);
    (void)codecs::encode_session(s);
    (void)codecs::session_number(session);
    if (parts.size() > 2) check_spans(codecs::decode_offsets(parts[2]));
    if (parts.size() > 3) {
        std::string_view page_data;
        codecs::TermPositions terms;
        if (codecs::decode_page_value(parts[3], page_data, terms)) {
            for (const auto& [term, positions] : terms) {
                require(std::adjacent_find(positions.begin(), positions.end(), std::greater_equal<>()) == positions.end(),
                        "page value positions that do not rise");
            }
            std::string_view again_data;
            codecs::TermPositions again;
            const std::string encoded = codecs::encode_page_value(page_data, terms);
            require(codecs::decode_page_value(encoded, again_data, again) &&
                        again_data == page_data && again == terms,
                    "a page value does not survive a round trip");
        }
    }
    return 0;
}
