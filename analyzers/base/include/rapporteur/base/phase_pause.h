/** @file phase_pause.h
 *  @brief A test hook: the writer stops itself (SIGSTOP) at a named phase of a run, so that a
 *         test can kill it exactly there (tests/reliability/test_kill_cycles.cc).
 *
 *  RAPPORTEUR_PAUSE_AT names one phase; unset (the normal case) the call costs one cached
 *  getenv. Phases: "commit" (in place, before a batch's commit), "committed" (in place, after
 *  one), "compact" (sharded, the shards written, before their compaction into the next
 *  generation), "publish" (the next generation complete and its stub written, before the
 *  rename that publishes it), "published" (after that rename, before the old generations are
 *  swept). The process stops at the first time it reaches the phase; SIGCONT resumes it.
 */
#ifndef RAPPORTEUR_BASE_PHASE_PAUSE_H
#define RAPPORTEUR_BASE_PHASE_PAUSE_H

#include <string_view>

namespace rapporteur {

/// Stops the process (SIGSTOP) if RAPPORTEUR_PAUSE_AT names `phase` and it has not stopped there yet.
void pause_at_phase(std::string_view phase);

} // namespace rapporteur

#endif
