/** @file eval_main.cc
 *  @brief rapporteur-eval: parse options → EvaluationOptions + MeasureSet → evaluate → print.
 */
#include "rapporteur/base/cli.h"
#include "rapporteur/evaluation.h"

#include <fmt/core.h>

#include <iostream>

namespace cli = rapporteur::cli;
namespace po = cli::po;

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : " ") + i;
    return s;
}

/// The executable's work: options → library call → exit status. Errors propagate to main().
int run_eval(int argc, char** argv) {
    rapporteur::EvaluationOptions options;
    std::vector<std::string> measure_specs, files;
    long max_docs = -1;

    // trec_eval's option letters and long names, so that a trec_eval command line works here.
    po::options_description visible(
        "Usage: rapporteur-eval [options] QRELS RUN\n"
        "Score a TREC run against relevance judgments, printing trec_eval's measures in\n"
        "trec_eval's layout (measure <TAB> qid|all <TAB> value). RUN may be - for stdin.\n\nOptions",
        // 80 columns, at least 50 for a description: trec_eval's long option names then put
        // their description on the next line rather than one space after the name.
        80, 50);
    cli::add_help_options(visible);
    // Option tables keep one option a line, as --help lists them.
    // clang-format off
    visible.add_options()
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
    // clang-format on
    po::options_description hidden;
    hidden.add_options()("file", po::value(&files));
    rapporteur::MeasureSet measures;
    const auto vm = cli::parse(argc, argv, visible, hidden, "file");
    if (cli::handled_help_or_version(vm, visible, "rapporteur-eval")) return cli::EXIT_OK;
    if (files.size() != 2) {
        throw po::error("expected two files, QRELS and RUN, got " + std::to_string(files.size()) + " (see --help)");
    }
    if (vm.count("Max_retrieved_per_topic")) {
        if (max_docs < 0) throw po::error("-M must be 0 or more");
        options.max_docs = static_cast<std::size_t>(max_docs);
    }
    for (const auto& spec : measure_specs) measures.add(spec);
    if (measures.empty()) measures.add("official");
    options.judged_only = vm.count("Judged_docs_only") != 0;
    options.complete = vm.count("complete_rel_info_wanted") != 0;

    const auto qrels = rapporteur::Qrels::read(files[0]);
    const auto run =
        files[1] == "-" ? rapporteur::TrecRun::parse(std::cin, "<stdin>") : rapporteur::TrecRun::read(files[1]);
    const auto evaluation = rapporteur::evaluate(qrels, run, measures, options);
    if (!evaluation.unjudged_topics.empty()) {
        fmt::print(stderr, "rapporteur-eval: warning: skipped run topics without judgments: {}\n",
                   joined(evaluation.unjudged_topics));
    }
    if (!evaluation.unretrieved_topics.empty() && !options.complete) {
        fmt::print(stderr,
                   "rapporteur-eval: warning: judged topics absent from the run, not averaged "
                   "(-c counts them as 0): {}\n",
                   joined(evaluation.unretrieved_topics));
    }
    std::cout << rapporteur::format_trec_eval(evaluation, vm.count("query_eval_wanted") != 0, !vm.count("nosummary"));
    return cli::EXIT_OK;
}

} // namespace

int main(int argc, char** argv) {
    return cli::run("rapporteur-eval", [&] { return run_eval(argc, argv); });
}
