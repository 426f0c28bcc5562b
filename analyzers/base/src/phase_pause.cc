/** @file phase_pause.cc
 *  @brief The phase hook of phase_pause.h.
 */
#include "rapporteur/base/phase_pause.h"

#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <string>

namespace rapporteur {

void pause_at_phase(std::string_view phase) {
    static const std::string wanted = [] {
        const char* s = std::getenv("RAPPORTEUR_PAUSE_AT");
        return std::string(s ? s : "");
    }();
    static std::atomic<bool> paused{false};
    if (wanted.empty() || wanted != phase || paused.exchange(true)) return;
    ::raise(SIGSTOP);
}

} // namespace rapporteur
