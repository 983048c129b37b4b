// The exchange model `exchange`: Stokman's equal-gain exchange of voting positions (Stokman & Van
// Oosten 1994; Arregui, Stokman & Thomson 2006) with Decide's additions — the outcome-overshoot
// clamp, rounds with preference drift — and the randomised equal-gain variant REX (Dijkstra, van
// Assen, Stokman & Draaijer 2018). The model is defined in docs/models/exchange.md, which the
// section numbers (§) in this folder's comments refer to; README.md beside this file has the
// parameters and every divergence from Decide.
//
// In one round, every two actors on opposite sides of the expected outcome (the capability ×
// salience weighted mean) on two issues may trade: the one who cares relatively more about issue
// p moves its vote on q towards the other, who moves its vote on p in return, at the rate that
// gives both the same utility gain. Exchanges are realised one at a time, highest gain first,
// and the rest re-evaluated; the round's outcome is the weighted mean of the voting positions.
// Preferences then drift towards the votes, and the next round starts from them.
#ifndef STATECRAFT_MODELS_EXCHANGE_EXCHANGE_H_
#define STATECRAFT_MODELS_EXCHANGE_EXCHANGE_H_

#include <cstdint>

#include "statecraft/core/forecast.h"
#include "statecraft/core/registry.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

struct ExchangeOptions {
  int rounds = 1;
  // REX: 0 is the equal-gain model; p > 0 randomises the split of each exchange
  // (docs/models/exchange.md §2.9).
  double rex_p = 0.0;
  // Equal gains (to 11 decimals) keep candidate-list order (docs/models/exchange.md §2.15) unless
  // random_ties.
  bool random_ties = false;
  // Reproduces Decide's exchange-local outcome view in the clamp and its move-history check
  // (docs/models/exchange.md §2.12 A4, A6, A8) instead of the clean rules.
  bool decide_compat = false;
  // The outcome-overshoot clamp (docs/models/exchange.md §2.5 step 8), a Decide addition to the
  // published model.
  bool clamp = true;
  // Preference drift x' = x + (fixed_weight + salience_weight·(1 − s))·(y − x)
  // (docs/models/exchange.md §2.7).
  double fixed_weight = 0.1;
  double salience_weight = 0.4;
  // Stop before `rounds` once no outcome moved more than this (issue scale) from the previous
  // round (docs/models/exchange.md §2.8); 0 runs every round.
  double convergence = 0.0;
};

// Runs the model. Round 0 holds the input positions and the compromise outcome; round t the
// voting positions and their weighted mean after t rounds. Round detail: "exchanges" (realised,
// in order), "preference_positions" (after the drift, where they differ from the votes),
// "preference_outcome" (the round's starting compromise), "candidates". Run detail: "gains"
// (each actor's total utility gain) and "exchange_count".
Forecast RunExchange(const Scenario& scenario, const ExchangeOptions& options, std::uint64_t seed);

void RegisterExchangeModel(ModelRegistry& registry);

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_EXCHANGE_EXCHANGE_H_
