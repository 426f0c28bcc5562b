/** @file docid_decider.h
 *  @brief A MatchDecider that keeps one document only, or every document but one.
 */
#ifndef RAPPORTEUR_DOCID_DECIDER_H
#define RAPPORTEUR_DOCID_DECIDER_H

#include <xapian.h>

namespace rapporteur {

/// Keeps one document only (`keep`: explaining a hit), or every document but one (the source of --like).
class DocidDecider : public Xapian::MatchDecider {
  public:
    DocidDecider(Xapian::docid did, bool keep) : did_(did), keep_(keep) {}
    bool operator()(const Xapian::Document& doc) const override { return (doc.get_docid() == did_) == keep_; }

  private:
    Xapian::docid did_;
    bool keep_;
};

} // namespace rapporteur

#endif
