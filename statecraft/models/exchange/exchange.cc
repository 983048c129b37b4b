// The registered exchange model: its parameters, and runs through the engine of
// exchange_engine.h. The model is defined in docs/models/exchange.md.
#include "statecraft/models/exchange/exchange.h"

#include <memory>

#include "statecraft/models/exchange/exchange_engine.h"

namespace statecraft {
namespace {

using exchange_internal::Engine;

class ExchangeModel : public Model {
 public:
  explicit ExchangeModel(ExchangeOptions options) : options_(options) {}
  Forecast Run(const Scenario& scenario, std::uint64_t seed) const override {
    return RunExchange(scenario, options_, seed);
  }
  Forecast RunOutcome(const Scenario& scenario, std::uint64_t seed) const override {
    Engine engine(scenario, options_, seed, false);
    return engine.Run();
  }

 private:
  ExchangeOptions options_;
};

}  // namespace

Forecast RunExchange(const Scenario& scenario, const ExchangeOptions& options, std::uint64_t seed) {
  Engine engine(scenario, options, seed);
  return engine.Run();
}

void RegisterExchangeModel(ModelRegistry& registry) {
  registry.Add(ModelInfo{
      "exchange",
      "Stokman's equal-gain exchange of voting positions across issue pairs (REX with p > 0)",
      "actors trade support: each gives ground where it cares little for ground where it cares "
      "much",
      {
          {"rounds",
           ParamType::kInteger,
           "1",
           {},
           1,
           1000,
           "rounds of exchange with preference drift (Decide runs 10; the published model 1)"},
          {"p",
           ParamType::kNumber,
           "0",
           {},
           0,
           1,
           "REX randomisation: 0 = equal gain; up to 1 lets one side take up to its maximal "
           "gain or drop to 0"},
          {"tie_break",
           ParamType::kChoice,
           "deterministic",
           {"deterministic", "random"},
           0,
           0,
           "equal gains: keep candidate-list order, or choose at random (seeded)"},
          {"decide_compat",
           ParamType::kBoolean,
           "false",
           {},
           0,
           0,
           "reproduce Decide: exchange-local outcome view in the clamp, its move-history "
           "check, groups fixed all round"},
          {"clamp",
           ParamType::kBoolean,
           "true",
           {},
           0,
           0,
           "cut moves that would push an outcome past the demander's position"},
          {"fixed_weight",
           ParamType::kNumber,
           "0.1",
           {},
           0,
           1,
           "preference drift towards the vote: fixed part"},
          {"salience_weight",
           ParamType::kNumber,
           "0.4",
           {},
           0,
           1,
           "preference drift towards the vote: part scaled by 1 - salience"},
          {"convergence",
           ParamType::kNumber,
           "0",
           {},
           0,
           1e300,
           "stop before `rounds` once no outcome moved more than this from the previous round "
           "(issue scale; 0: run all rounds)"},
      },
      true,
      [](const ParamValues& params) {
        ExchangeOptions options;
        options.rounds = static_cast<int>(params.GetInteger("rounds"));
        options.rex_p = params.GetNumber("p");
        options.random_ties = params.GetChoice("tie_break") == "random";
        options.decide_compat = params.GetBoolean("decide_compat");
        options.clamp = params.GetBoolean("clamp");
        options.fixed_weight = params.GetNumber("fixed_weight");
        options.salience_weight = params.GetNumber("salience_weight");
        options.convergence = params.GetNumber("convergence");
        return std::make_unique<ExchangeModel>(options);
      }});
}

}  // namespace statecraft
