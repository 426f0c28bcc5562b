/** @file xapian_reference.cc
 *  @brief The yardstick: plain Xapian over the benchmark passages and queries, as a user of the
 *         library would write it (TermGenerator + stemmer + FLAG_CJK_NGRAM, one commit;
 *         QueryParser + Enquire + BM25; MSet::snippet; ValueCountMatchSpy for exact facets).
 *
 *  xapian_reference index CORPUS_DIR DB_DIR
 *      Indexes every passage of the tier (bench::read_passages) into a new database; prints
 *      JSON: bytes read, passages, seconds, MB/s, passages/s, index size and peak RSS.
 *  xapian_reference query DB_DIR QUERIES.tsv [ROUNDS]
 *      Runs the query set (top 10) in four modes, plain / snippets / facets / snippets_facets,
 *      one untimed round then ROUNDS (default 3) timed ones; prints JSON with p50/p95/p99 and
 *      QPS per query class and mode.
 */
#include "../bench_common.h"

#include <xapian.h>

#include <iostream>

namespace {

/// The JSON object every run prints, with the engine, the mode and Xapian's version.
nlohmann::json report(const char* mode) {
    return {{"engine", "xapian"}, {"mode", mode}, {"xapian", Xapian::version_string()}};
}

/// Xapian 1.4's Snowball stemmers for the corpus languages; the others (pl, uk, zh, ja, cs, el,
/// mk, sr, vi: Xapian 1.4.22 has no stemmer for them) get none.
Xapian::Stem stemmer_for(const std::string& lang) {
    static const std::map<std::string, std::string> NAMES = {
        {"en", "english"},   {"fr", "french"},   {"de", "german"},    {"es", "spanish"},
        {"it", "italian"},   {"ru", "russian"},  {"nl", "dutch"},     {"pt", "portuguese"},
        {"da", "danish"},    {"fi", "finnish"},  {"hu", "hungarian"}, {"id", "indonesian"},
        {"nb", "norwegian"}, {"ro", "romanian"}, {"sv", "swedish"},   {"tr", "turkish"}};
    auto it = NAMES.find(lang);
    return it == NAMES.end() ? Xapian::Stem() : Xapian::Stem(it->second);
}

constexpr Xapian::valueno SLOT_LANG = 0, SLOT_DOCUMENT = 1, SLOT_SESSION = 2;

int run_index(const std::filesystem::path& corpus, const std::filesystem::path& db_path) {
    const double t0 = bench::now_seconds();
    std::uintmax_t bytes = 0;
    const auto passages = bench::read_passages(corpus, bytes);
    {
        Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg;
        tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        std::string stem_lang;
        for (const auto& p : passages) {
            if (p.lang != stem_lang) {
                tg.set_stemmer(stemmer_for(p.lang));
                stem_lang = p.lang;
            }
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(p.text);
            doc.add_boolean_term("L" + p.lang);
            doc.add_boolean_term("XD" + p.document);
            doc.add_value(SLOT_LANG, p.lang);
            doc.add_value(SLOT_DOCUMENT, p.document);
            doc.add_value(SLOT_SESSION, p.session);
            // The passage text is the data, as a user of MSet::snippet must keep it somewhere.
            doc.set_data(p.text);
            db.add_document(doc);
        }
        db.commit();
    }
    const double seconds = bench::now_seconds() - t0;
    const auto size = bench::directory_bytes(db_path);
    nlohmann::json out = report("index");
    out["corpus"] = corpus.string();
    out["bytes"] = bytes;
    out["passages"] = passages.size();
    out["seconds"] = seconds;
    out["mb_per_s"] = static_cast<double>(bytes) / 1e6 / seconds;
    out["passages_per_s"] = static_cast<double>(passages.size()) / seconds;
    out["index_bytes"] = size;
    out["index_ratio"] = static_cast<double>(size) / static_cast<double>(bytes);
    out["peak_rss_kib"] = bench::peak_rss_kib();
    std::cout << out.dump(2) << "\n";
    return 0;
}

int run_query(const std::filesystem::path& db_path, const std::filesystem::path& queries_path, int rounds) {
    Xapian::Database db(db_path.string());
    const auto queries = bench::read_queries(queries_path);
    const auto doccount = db.get_doccount();
    // One parser per query language, set up once, as a server would keep them.
    std::map<std::string, Xapian::Stem> stems;
    std::map<std::string, Xapian::QueryParser> parsers;
    for (const auto& q : queries) {
        if (stems.count(q.lang)) continue;
        stems.emplace(q.lang, stemmer_for(q.lang));
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(stems.at(q.lang));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_OR);
        qp.add_boolean_prefix("lang", "L");
        parsers.emplace(q.lang, qp);
    }

    nlohmann::json modes = nlohmann::json::object();
    for (const std::string mode : {"plain", "snippets", "facets", "snippets_facets"}) {
        const bool snippets = mode == "snippets" || mode == "snippets_facets";
        const bool facets = mode == "facets" || mode == "snippets_facets";
        modes[mode] = bench::time_queries(queries, rounds, [&](const bench::Query& q) {
            const Xapian::Stem& stem = stems.at(q.lang);
            Xapian::QueryParser& qp = parsers.at(q.lang);
            Xapian::Query query;
            try {
                query = qp.parse_query(q.text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
            } catch (const Xapian::QueryParserError&) {
                // What a careful user does with a syntax error: read it as plain words.
                query = qp.parse_query(q.text, Xapian::QueryParser::FLAG_CJK_NGRAM);
            }
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            Xapian::ValueCountMatchSpy by_lang(SLOT_LANG), by_doc(SLOT_DOCUMENT), by_session(SLOT_SESSION);
            if (facets) {
                enquire.add_matchspy(&by_lang);
                enquire.add_matchspy(&by_doc);
                enquire.add_matchspy(&by_session);
            }
            // Exact facets need every match looked at (checkatleast = the whole database).
            Xapian::MSet mset = enquire.get_mset(0, 10, facets ? doccount : 0);
            bench::Answer a;
            a.total = mset.get_matches_estimated();
            a.shown = mset.size();
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                if (snippets) {
                    const std::string text = it.get_document().get_data();
                    a.check += mset.snippet(text, 200, stem,
                                            Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                                                Xapian::MSet::SNIPPET_CJK_NGRAM,
                                            "<mark>", "</mark>", "…")
                                   .size();
                }
            }
            if (facets) {
                for (auto* spy : {&by_lang, &by_doc, &by_session}) {
                    for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
                        a.check += v.get_termfreq();
                    }
                }
            }
            return a;
        });
    }
    nlohmann::json out = report("query");
    out["db"] = db_path.string();
    out["passages"] = doccount;
    out["queries"] = queries.size();
    out["rounds"] = rounds;
    out["modes"] = modes;
    std::cout << out.dump(2) << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "index") return run_index(args[1], args[2]);
        if ((args.size() == 3 || args.size() == 4) && args[0] == "query") {
            return run_query(args[1], args[2], args.size() == 4 ? std::stoi(args[3]) : 3);
        }
    } catch (const Xapian::Error& e) {
        std::cerr << "xapian_reference: " << e.get_description() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "xapian_reference: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "usage: xapian_reference index CORPUS_DIR DB_DIR\n"
                 "       xapian_reference query DB_DIR QUERIES.tsv [ROUNDS]\n";
    return 2;
}
