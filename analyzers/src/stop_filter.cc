/** @file stop_filter.cc
 *  @brief StopFilter: the stop words of one language, from data/stopwords/<lang>.txt.
 */
#include "stop_filter.h"

#include "rapporteur/analyzers.h"
#include "word_list.h"

namespace rapporteur {

StopFilter::StopFilter(std::string_view lang, const std::function<void(std::string&)>& fold) {
    const auto path = data_path("analyzers", "stopwords/" + std::string(lang) + ".txt");
    for (auto& w : read_word_list(path)) {
        fold(w);
        words_.insert(std::move(w));
    }
}

} // namespace rapporteur
