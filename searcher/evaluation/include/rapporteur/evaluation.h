/** @file evaluation.h
 *  @brief Public API of the evaluation module: TREC qrels and runs in, trec_eval's measures out.
 *
 *  The measures, their parameters, the order they print in and the layout of the printout follow
 *  trec_eval 10.0 (github.com/usnistgov/trec_eval), the reference implementation of the TREC
 *  measures, so that a figure printed here is the figure trec_eval prints for the same files, to
 *  the last digit. Where trec_eval 10.0 stops with an error (a qrels topic missing from the run)
 *  this module follows trec_eval 9.x and skips the topic unless `complete` is asked for, and it
 *  reports run topics absent from the qrels (which trec_eval skips silently) so that a caller
 *  can warn about them.
 */
#ifndef RAPPORTEUR_EVALUATION_H
#define RAPPORTEUR_EVALUATION_H

#include <cstddef>
#include <filesystem>
#include <istream>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace rapporteur {

/// One judgment of a qrels file.
struct Judgment {
    std::string docid;
    /// The grade: 0 judged non-relevant, 1, 2, ... increasingly relevant. A negative grade means
    /// "in the pool but not judged" (trec_eval's RELVALUE_UNJUDGED): such a document is neither
    /// relevant nor non-relevant, and bpref and -J treat it as unjudged.
    long relevance = 0;
};

/** Relevance judgments: the TREC qrels format, one `qid iter docid relevance` per line
 *  (white-space separated, `iter` ignored; blank lines and lines starting with `#` skipped). */
class Qrels {
  public:
    /// Read a qrels file. Throws RuntimeError naming the file (and the line) when it cannot be
    /// read, a line has not exactly four fields, the grade is not an integer, or a docid is
    /// judged twice for one topic.
    static Qrels read(const std::filesystem::path& path);
    /// Parse qrels from a stream; `name` is used in error messages in place of a path.
    static Qrels parse(std::istream& in, const std::string& name);

    /// Judgments per topic, topics in byte order of their ids, judgments in byte order of docid.
    const std::map<std::string, std::vector<Judgment>>& topics() const { return topics_; }

  private:
    std::map<std::string, std::vector<Judgment>> topics_;
};

/// One retrieved document of a run.
struct RunEntry {
    std::string docid;
    double score = 0; ///< the run's score column, as C's strtod reads it (trec_eval's atof)
};

/** A TREC run: one `qid Q0 docid rank score tag` per line (white-space separated; the `Q0` and
 *  `rank` columns are ignored, as trec_eval ignores them; columns after `tag` are ignored). */
class TrecRun {
  public:
    /// Read a run file. Throws RuntimeError naming the file and line when a line has fewer than
    /// six fields, the score is not a number, or a docid appears twice for one topic.
    static TrecRun read(const std::filesystem::path& path);
    /// Parse a run from a stream; `name` is used in error messages in place of a path.
    static TrecRun parse(std::istream& in, const std::string& name);

    /// Retrieved documents per topic, in file order (ranking is the evaluator's job).
    const std::map<std::string, std::vector<RunEntry>>& topics() const { return topics_; }
    /// The tag of the last line, as trec_eval reports it ("" for an empty run).
    const std::string& run_id() const { return run_id_; }

  private:
    std::map<std::string, std::vector<RunEntry>> topics_;
    std::string run_id_;
};

/** The measures to compute, chosen with trec_eval's `-m` syntax.
 *
 *  Names: `runid num_q num_ret num_rel num_rel_ret map gm_map Rprec bpref recip_rank
 *  iprec_at_recall P recall ndcg ndcg_cut success num_nonrel_judged_ret`; the cutoff measures
 *  take parameters (`P.5,10,20`, `iprec_at_recall.0.5`), otherwise trec_eval's defaults
 *  (5,10,15,20,30,100,200,500,1000; recall levels 0.0, 0.1, ..., 1.0; success 1,5,10).
 *  Nicknames: `official` (trec_eval's default set) and `all_trec` (the measures of trec_eval's
 *  all_trec that are implemented here). Measures always print in trec_eval's order, whatever
 *  the order they were asked for in.
 */
class MeasureSet {
  public:
    /// The names a measure set knows, in trec_eval's print order.
    static const std::vector<std::string>& known_measures();

    /// Add a measure or nickname with optional `.params`. Throws UsageError for an unknown name,
    /// empty or malformed parameters, non-positive or duplicate cutoffs. As in trec_eval, the
    /// first parameters given for a measure win.
    void add(const std::string& spec);
    /// Nothing asked for yet (the caller then adds "official", as trec_eval does).
    bool empty() const { return selected_.empty(); }
    bool contains(const std::string& measure) const { return selected_.count(measure) != 0; }
    /// Cutoffs of P, recall, ndcg_cut, success (numbers of documents, ascending).
    const std::vector<long>& cutoffs(const std::string& measure) const;
    /// Recall levels of iprec_at_recall (fractions in [0, 1], ascending).
    const std::vector<double>& recall_levels() const;

  private:
    std::map<std::string, bool> selected_;
    std::map<std::string, std::vector<long>> cutoffs_;
    std::vector<double> recall_levels_;
    bool recall_levels_given_ = false;
};

/// How to evaluate, with trec_eval's option letters.
struct EvaluationOptions {
    /// `-l`: the lowest grade that counts as relevant (binary measures); nDCG uses the grades.
    long relevance_level = 1;
    /// `-M`: evaluate only the first N documents of each topic's ranking.
    std::size_t max_docs = std::numeric_limits<std::size_t>::max();
    /// `-J`: drop unjudged documents from the ranking before measuring.
    bool judged_only = false;
    /// `-c`: average over every qrels topic, a topic missing from the run scoring as an empty one.
    bool complete = false;
};

/// One printed value.
struct MeasureValue {
    std::string name; ///< as trec_eval prints it: "map", "P_10", "iprec_at_recall_0.50"
    double value = 0;
    bool integral = false; ///< a count, printed without decimals
};

/// The values of one topic, or of "all".
struct TopicScores {
    std::string qid;
    std::vector<MeasureValue> values;
    double value(const std::string& name) const; ///< throws UsageError for a name not computed
};

/// The outcome of an evaluation.
struct Evaluation {
    std::string run_id;
    bool show_run_id = false;        ///< "runid" was selected: the summary starts with it
    std::vector<TopicScores> topics; ///< evaluated topics, in byte order of their ids
    TopicScores all;                 ///< the summary row ("all")
    /// Run topics that have no judgments: skipped, in byte order of their ids.
    std::vector<std::string> unjudged_topics;
    /// Qrels topics the run has no ranking for: skipped unless `complete`.
    std::vector<std::string> unretrieved_topics;
};

/** Evaluate a run against qrels. Throws RuntimeError when no topic is in both (and `complete` is
 *  off), as trec_eval does. */
Evaluation evaluate(const Qrels& qrels, const TrecRun& run, const MeasureSet& measures,
                    const EvaluationOptions& options);

/** trec_eval's printout: per-topic rows first when `per_topic`, then the "all" rows when
 *  `summary`; each row `printf("%-22s\t%s\t%6.4f\n")`, counts as `%ld`, runid as text. */
std::string format_trec_eval(const Evaluation& evaluation, bool per_topic, bool summary);

} // namespace rapporteur

#endif
