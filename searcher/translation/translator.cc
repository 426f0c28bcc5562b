/** @file translator.cc
 *  @brief Translator: finding the installed pairs, loading a pair once, looking a word up.
 */
#include "translator.h"

#include "dictd_dictionary.h"
#include "freedict_entry.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <tuple>

namespace rapporteur {

namespace {

/// The number of words of a translation (runs of non-spaces).
std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : s) {
        const bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

/// The forms to try for a word the dictionary may hold without its plural ending.
std::vector<std::string> headword_forms(const std::string& word, std::string_view lang) {
    std::vector<std::string> forms{word};
    // English plurals that no ending rule undoes (dictionaries list the singular).
    static const std::map<std::string_view, std::string_view> irregular = {
        {"children", "child"}, {"women", "woman"}, {"men", "man"}, {"people", "person"}, {"lives", "life"},
        {"wives", "wife"}, {"feet", "foot"}, {"mice", "mouse"}, {"analyses", "analysis"}, {"crises", "crisis"},
    };
    if (lang == "en") {
        if (const auto it = irregular.find(word); it != irregular.end()) forms.emplace_back(it->second);
    }
    auto ends = [&](std::string_view s) { return word.size() > s.size() + 2 && word.compare(word.size() - s.size(), s.size(), s) == 0; };
    if (lang == "en" && ends("ies")) forms.push_back(word.substr(0, word.size() - 3) + "y");
    if (ends("es")) forms.push_back(word.substr(0, word.size() - 2));
    if (ends("s")) forms.push_back(word.substr(0, word.size() - 1));
    if ((lang == "fr" || lang == "pt") && ends("x")) forms.push_back(word.substr(0, word.size() - 1));
    if ((lang == "de" || lang == "nl") && ends("en")) forms.push_back(word.substr(0, word.size() - 2));
    if (lang == "de" && ends("n")) forms.push_back(word.substr(0, word.size() - 1));
    return forms;
}

} // namespace

std::string Translator::iso639_1(std::string_view code) {
    static const std::map<std::string_view, std::string_view> codes = {
        {"afr", "af"}, {"ara", "ar"}, {"bre", "br"}, {"bul", "bg"}, {"cat", "ca"}, {"ces", "cs"}, {"cym", "cy"},
        {"dan", "da"}, {"deu", "de"}, {"ell", "el"}, {"eng", "en"}, {"epo", "eo"}, {"fin", "fi"}, {"fra", "fr"},
        {"gle", "ga"}, {"hrv", "hr"}, {"hun", "hu"}, {"isl", "is"}, {"ita", "it"}, {"jpn", "ja"}, {"kur", "ku"},
        {"lat", "la"}, {"lit", "lt"}, {"nld", "nl"}, {"nor", "no"}, {"pol", "pl"}, {"por", "pt"}, {"ron", "ro"},
        {"rus", "ru"}, {"slk", "sk"}, {"slv", "sl"}, {"spa", "es"}, {"srp", "sr"}, {"swe", "sv"}, {"tur", "tr"},
        {"ukr", "uk"}, {"zho", "zh"},
    };
    const auto it = codes.find(code);
    return std::string(it == codes.end() ? code : it->second);
}

std::filesystem::path Translator::default_directory() {
    const char* env = std::getenv("RAPPORTEUR_DICTD_DIR");
    return env && *env ? std::filesystem::path(env) : std::filesystem::path("/usr/share/dictd");
}

Translator::Translator(std::filesystem::path directory) : directory_(std::move(directory)) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(directory_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // freedict-XXX-YYY.index, with its data beside it.
        constexpr std::string_view PREFIX = "freedict-", SUFFIX = ".index";
        if (name.size() != PREFIX.size() + 7 + SUFFIX.size() || name.compare(0, PREFIX.size(), PREFIX) != 0 ||
            name.compare(name.size() - SUFFIX.size(), SUFFIX.size(), SUFFIX) != 0 || name[PREFIX.size() + 3] != '-')
            continue;
        const std::string stem = name.substr(0, name.size() - SUFFIX.size());
        const auto data = directory_ / (stem + ".dict.dz");
        if (!std::filesystem::exists(data, ec)) continue;
        pairs_.push_back({iso639_1(name.substr(PREFIX.size(), 3)), iso639_1(name.substr(PREFIX.size() + 4, 3)),
                          it->path(), data});
    }
    std::sort(pairs_.begin(), pairs_.end(),
              [](const LanguagePair& a, const LanguagePair& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
}

Translator::~Translator() = default;

bool Translator::has_pair(std::string_view from, std::string_view to) const {
    return std::any_of(pairs_.begin(), pairs_.end(), [&](const LanguagePair& p) { return p.from == from && p.to == to; });
}

DictdDictionary& Translator::dictionary(const LanguagePair& pair) {
    const std::string key = pair.from + "-" + pair.to;
    auto& slot = loaded_[key];
    if (!slot) {
        const auto start = std::chrono::steady_clock::now();
        slot = std::make_unique<DictdDictionary>(pair.index, pair.data);
        load_times_.emplace_back(key, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return *slot;
}

std::vector<std::string> Translator::translate(std::string_view word, std::string_view from, std::string_view to,
                                               std::size_t max) {
    const auto pair = std::find_if(pairs_.begin(), pairs_.end(),
                                   [&](const LanguagePair& p) { return p.from == from && p.to == to; });
    std::vector<std::string> out;
    if (pair == pairs_.end() || max == 0) return out;
    std::lock_guard lock(mutex_);
    DictdDictionary* dict = nullptr;
    try {
        dict = &dictionary(*pair);
    } catch (...) {
        loaded_.erase(pair->from + "-" + pair->to);
        throw;
    }
    for (const auto& form : headword_forms(utf8::fold(word), from)) {
        for (const auto& entry : dict->lookup(form)) {
            for (auto& t : parse_freedict_entry(entry)) {
                if (word_count(t) == 0 || word_count(t) > 4) continue;
                if (std::find(out.begin(), out.end(), t) != out.end()) continue;
                out.push_back(std::move(t));
                if (out.size() >= max) return out;
            }
        }
        // The singular's entry too: "enfants" is a headword ("sons and daughters") beside "enfant".
    }
    return out;
}

std::vector<std::pair<std::string, double>> Translator::load_times() const {
    std::lock_guard lock(mutex_);
    return load_times_;
}

} // namespace rapporteur
