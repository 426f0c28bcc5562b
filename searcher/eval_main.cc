/** @file eval_main.cc
 *  @brief rapporteur-eval: parse options → EvaluationOptions + MeasureSet → evaluate → print.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/evaluation.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>

#include <iostream>

namespace po = boost::program_options;

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : " ") + i;
    return s;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::EvaluationOptions options;
    std::vector<std::string> measure_specs, files;
    long max_docs = -1;

    // trec_eval's option letters and long names, so that a trec_eval command line works here.
    po::options_description visible(
        "Usage: rapporteur-eval [options] QRELS RUN\n"
        "Score a TREC run against relevance judgments, printing trec_eval's measures in\n"
        "trec_eval's layout (measure <TAB> qid|all <TAB> value). RUN may be - for stdin.\n\nOptions");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("query_eval_wanted,q", "also print a row per topic")
        ("measure,m", po::value(&measure_specs),
         "measure to compute, repeatable: official (the default), all_trec, or one of\n"
         "runid num_q num_ret num_rel num_rel_ret map gm_map Rprec bpref recip_rank\n"
         "iprec_at_recall P recall ndcg ndcg_cut success num_nonrel_judged_ret;\n"
         "cutoffs after a dot: P.5,10,20")
        ("level_for_rel,l", po::value(&options.relevance_level)->default_value(options.relevance_level),
         "lowest grade that counts as relevant (nDCG uses the grades themselves)")
        ("Max_retrieved_per_topic,M", po::value(&max_docs), "evaluate only the first N documents of each topic")
        ("Judged_docs_only,J", "drop unjudged documents from the rankings")
        ("complete_rel_info_wanted,c", "average over every qrels topic; a topic missing from the run scores 0")
        ("nosummary,n", "do not print the summary (all) rows");
    po::options_description hidden;
    hidden.add_options()("file", po::value(&files));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("file", -1);

    po::variables_map vm;
    rapporteur::MeasureSet measures;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
        if (!vm.count("help") && !vm.count("version")) {
            if (files.size() != 2) {
                throw po::error("expected two files, QRELS and RUN, got " + std::to_string(files.size()) +
                                " (see --help)");
            }
            if (vm.count("Max_retrieved_per_topic")) {
                if (max_docs < 0) throw po::error("-M must be 0 or more");
                options.max_docs = static_cast<std::size_t>(max_docs);
            }
            for (const auto& spec : measure_specs) measures.add(spec);
            if (measures.empty()) measures.add("official");
        }
    } catch (const po::error& e) {
        fmt::print(stderr, "rapporteur-eval: {}\n", e.what());
        return 2;
    } catch (const rapporteur::UsageError& e) {
        fmt::print(stderr, "rapporteur-eval: {}\n", e.what());
        return 2;
    }
    if (vm.count("help")) {
        std::cout << visible << "\n";
        return 0;
    }
    if (vm.count("version")) {
        fmt::print("rapporteur-eval {}\n", RAPPORTEUR_VERSION);
        return 0;
    }
    options.judged_only = vm.count("Judged_docs_only") != 0;
    options.complete = vm.count("complete_rel_info_wanted") != 0;

    try {
        const auto qrels = rapporteur::Qrels::read(files[0]);
        const auto run = files[1] == "-" ? rapporteur::TrecRun::parse(std::cin, "<stdin>")
                                         : rapporteur::TrecRun::read(files[1]);
        const auto evaluation = rapporteur::evaluate(qrels, run, measures, options);
        if (!evaluation.unjudged_topics.empty()) {
            fmt::print(stderr, "rapporteur-eval: warning: skipped run topics without judgments: {}\n",
                       joined(evaluation.unjudged_topics));
        }
        if (!evaluation.unretrieved_topics.empty() && !options.complete) {
            fmt::print(stderr, "rapporteur-eval: warning: judged topics absent from the run, not averaged "
                               "(-c counts them as 0): {}\n", joined(evaluation.unretrieved_topics));
        }
        std::cout << rapporteur::format_trec_eval(evaluation, vm.count("query_eval_wanted") != 0,
                                                  !vm.count("nosummary"));
        return 0;
    } catch (const rapporteur::RuntimeError& e) {
        fmt::print(stderr, "rapporteur-eval: {}\n", e.what());
    } catch (const rapporteur::UsageError& e) {
        fmt::print(stderr, "rapporteur-eval: {}\n", e.what());
        return 2;
    }
    return 1;
}
