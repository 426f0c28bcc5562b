/** @file case_fold_filter.cc
 *  @brief CaseFoldFilter: NFKC normalisation and full Unicode case folding, as ICU does them.
 */
#include "case_fold_filter.h"

#include "rapporteur/analyzers.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

namespace rapporteur {

CaseFoldFilter::CaseFoldFilter() {
    UErrorCode status = U_ZERO_ERROR;
    normalizer_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw RuntimeError(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
}

void CaseFoldFilter::apply(std::string_view word, std::string& out) const {
    out.assign(word);
    bool ascii = true;
    for (char& ch : out) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0x80) {
            ascii = false;
            break;
        }
        // NFKC leaves ASCII alone and its case folding is plain lowercasing.
        if (b >= 'A' && b <= 'Z') ch = static_cast<char>(b + ('a' - 'A'));
    }
    if (ascii) return;
    out.clear();
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out, static_cast<std::int32_t>(word.size()));
    normalizer_->normalizeUTF8(0, icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())), sink, nullptr,
                               status);
    if (U_FAILURE(status)) throw RuntimeError(std::string("ICU case folding failed: ") + u_errorName(status));
}

} // namespace rapporteur
