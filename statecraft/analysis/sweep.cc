#include "statecraft/analysis/sweep.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>
#include <utility>

#include "statecraft/analysis/distributed.h"
#include "statecraft/analysis/statistics.h"
#include "statecraft/core/error.h"
#include "statecraft/core/exact_scale.h"
#include "statecraft/rules/decision_rules.h"

namespace statecraft {
namespace {

int LeverIndex(const std::vector<Lever>& levers, const Lever* lever) {
  for (std::size_t k = 0; k < levers.size(); ++k) {
    if (&levers[k] == lever) return static_cast<int>(k);
  }
  return 0;
}

}  // namespace

int ResolveThreads(int requested) {
  if (requested < 0) {
    throw InputError("threads " + std::to_string(requested) + ": expected 0 (every core) or more");
  }
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

SweepPlan MakeSweepPlan(const LeverSet& levers, const Plan& plan, bool sample_open) {
  SweepPlan sweep;
  for (const PlanItem& item : plan.items) {
    const Lever* lever = levers.FindLever(item.lever);
    SweepLever entry;
    entry.lever = lever;
    entry.magnitude = item.magnitude.value_or(lever->magnitude.central);
    entry.sampled = sample_open && !item.magnitude && lever->magnitude.IsRanged();
    entry.stream = kLeverStreamBase + LeverIndex(levers.levers, lever);
    sweep.levers.push_back(entry);
  }
  return sweep;
}

std::vector<SweepLever> FixedLevers(const LeverSet& levers,
                                    const std::vector<AppliedLever>& applied, bool counter) {
  std::vector<SweepLever> fixed;
  const std::vector<Lever>& declared = counter ? levers.counter.levers : levers.levers;
  for (const AppliedLever& item : applied) {
    fixed.push_back({item.lever, item.magnitude, false,
                     (counter ? kCounterLeverStreamBase : kLeverStreamBase) +
                         LeverIndex(declared, item.lever)});
  }
  return fixed;
}

namespace {

// The draw range of the options as [first, first + count); InputError when it does not lie
// within [0, draws).
std::pair<int, int> DrawRange(const SweepOptions& options) {
  if (options.draws < 1) {
    throw InputError("draws " + std::to_string(options.draws) + ": expected at least 1");
  }
  const std::string range = "draw range starting at " + std::to_string(options.first_draw) +
                            " with " + std::to_string(options.draw_count) + " draws";
  const std::string expected = "; expected a range within the " + std::to_string(options.draws) +
                               " draws of the sweep (count -1: up to the last draw)";
  if (options.first_draw < 0 || options.first_draw > options.draws) {
    throw InputError(range + ": the first draw is outside [0, " + std::to_string(options.draws) +
                     "]" + expected);
  }
  const int available = options.draws - options.first_draw;
  if (options.draw_count == -1) return {options.first_draw, available};
  if (options.draw_count < 0 || options.draw_count > available) {
    throw InputError(range + ": the count is outside [0, " + std::to_string(available) + "]" +
                     expected);
  }
  return {options.first_draw, options.draw_count};
}

// Computes the draws [first_draw, first_draw + draw_count) on `threads` threads. A failing draw
// stops the computation; the lowest failing draw and its exception are returned through
// `failed_draw` and `failure`.
SweepResult ComputeDraws(const Scenario& scenario, const SweepPlan& plan, const ModelInfo& info,
                         const ParamValues& params, const SweepOptions& options, int first_draw,
                         int draw_count, int thread_count, bool shared_among_processes,
                         int& failed_draw, std::exception_ptr& failure) {
  const ScenarioSampler sampler(scenario, options.distribution);
  SweepResult result;
  result.first_draw = first_draw;
  result.draws = draw_count;
  result.issue_count = scenario.IssueCount();
  for (const Issue& issue : scenario.issues) result.issue_names.push_back(issue.name);
  result.input_labels = sampler.labels();
  std::vector<const SweepLever*> sampled;
  for (const auto* group : {&plan.counter, &plan.levers}) {
    for (const SweepLever& lever : *group) {
      if (!lever.sampled) continue;
      sampled.push_back(&lever);
      result.input_labels.push_back(lever.lever->name + " magnitude");
    }
  }
  for (const SweepLever& lever : plan.levers) {
    for (const Effect& effect : lever.lever->effects) {
      if (effect.type == EffectType::kDeal) ++result.deals_offered;
    }
  }
  const std::size_t input_count = result.input_labels.size();
  const std::size_t issue_count = static_cast<std::size_t>(result.issue_count);
  result.outcomes.assign(draw_count * issue_count, 0.0);
  result.unconstrained.assign(draw_count * issue_count, 0.0);
  result.deals_struck.assign(draw_count, 0);
  if (draw_count == 0) return result;

  const auto model = info.create(params);
  const int threads = std::min(thread_count, draw_count);
  std::atomic<int> next{0};
  std::mutex failure_mutex;
  int failed_slot = draw_count;
  constexpr int kChunk = 8;
  // A cancellation stops every thread at its next chunk. (A failure stops only its own thread,
  // so that the lowest failing draw is found whatever the thread count.)
  std::atomic<bool> stopped{false};
  const bool may_cancel = static_cast<bool>(options.cancelled) && !shared_among_processes;

  // Inputs are kept for the draws of the range below options.driver_draws; the others are
  // written to a scratch row.
  const int kept_draws = std::clamp(options.driver_draws - first_draw, 0, draw_count);
  result.inputs.resize(static_cast<std::size_t>(kept_draws) * input_count);
  auto worker = [&] {
    std::vector<DealReport> deals;
    std::vector<double> scratch_inputs(input_count);
    // One working scenario per thread, reassigned from the base each draw: its vectors keep
    // their storage.
    Scenario working;
    for (;;) {
      if (stopped.load(std::memory_order_relaxed)) return;
      if (may_cancel && options.cancelled()) {
        stopped = true;
        return;
      }
      const int begin = next.fetch_add(kChunk);
      if (begin >= draw_count) return;
      const int end = std::min(draw_count, begin + kChunk);
      for (int slot = begin; slot < end; ++slot) {
        const int draw = first_draw + slot;
        try {
          working = sampler.base();
          double* inputs =
              slot < kept_draws ? result.inputs.data() + slot * input_count : scratch_inputs.data();
          sampler.Sample(DrawSeed(options.seed, draw, kScenarioStream), working, inputs);
          std::size_t next_input = sampler.size();
          auto magnitude_of = [&](const SweepLever& lever) {
            if (!lever.sampled) return lever.magnitude;
            DrawRandom random(DrawSeed(options.seed, draw, lever.stream));
            const double value =
                SampleEstimate(lever.lever->magnitude, options.distribution, random.Uniform());
            inputs[next_input++] = value;
            return value;
          };
          deals.clear();
          for (const SweepLever& lever : plan.counter) {
            ApplyLever(working, *lever.lever, magnitude_of(lever), nullptr);
          }
          for (const SweepLever& lever : plan.levers) {
            ApplyLever(working, *lever.lever, magnitude_of(lever), &deals);
          }
          int struck = 0;
          for (const DealReport& deal : deals) struck += deal.struck ? 1 : 0;
          result.deals_struck[slot] = struck;
          // The outcome and final positions only (no per-round detail), and the decision rules.
          Forecast forecast =
              model->RunOutcome(working, DrawSeed(options.seed, draw, kModelStream));
          forecast.ruled_outcome = ApplyDecisionRules(working, forecast);
          for (std::size_t issue = 0; issue < issue_count; ++issue) {
            result.outcomes[slot * issue_count + issue] = forecast.ruled_outcome[issue];
            result.unconstrained[slot * issue_count + issue] = forecast.outcome[issue];
          }
        } catch (...) {
          std::lock_guard<std::mutex> lock(failure_mutex);
          if (slot < failed_slot) {
            failed_slot = slot;
            failure = std::current_exception();
          }
          return;
        }
      }
      if (options.draws_done) options.draws_done(end - begin);
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& thread : pool) thread.join();
  }
  if (stopped) throw SweepCancelled();
  failed_draw = first_draw + failed_slot;
  return result;
}

// The message RunSweep throws for a failing draw.
DrawFailure DescribeFailure(const std::exception_ptr& failure, int draw, const ModelInfo& info) {
  try {
    std::rethrow_exception(failure);
  } catch (const InputError& error) {
    return {draw, true,
            "model '" + info.name + "', draw " + std::to_string(draw) + ": " + error.what()};
  } catch (const std::exception& error) {
    return {draw, false, error.what()};
  } catch (...) {
    return {draw, false, "unknown failure in draw " + std::to_string(draw)};
  }
}

// The draws [first_draw, first_draw + draw_count) on this process, or shared among the
// processes of the current draw distributor.
SweepResult RunRange(const Scenario& scenario, const SweepPlan& plan, const ModelInfo& info,
                     const ParamValues& params, const SweepOptions& options, int first_draw,
                     int draw_count, int threads) {
  int failed_draw = -1;
  std::exception_ptr failure;
  DrawDistributor* distributor = CurrentDrawDistributor();
  if (distributor == nullptr || distributor->ProcessCount() == 1) {
    SweepResult result = ComputeDraws(scenario, plan, info, params, options, first_draw, draw_count,
                                      threads, false, failed_draw, failure);
    if (failure) {
      try {
        std::rethrow_exception(failure);
      } catch (const InputError&) {
        throw InputError(DescribeFailure(failure, failed_draw, info).message);
      }
    }
    return result;
  }
  // "Every core" means this process's part of the machine's cores when processes share it.
  const int process_threads =
      options.threads > 0 ? threads : std::max(1, threads / distributor->ProcessesOnThisMachine());
  const auto [share_first, share_count] =
      DrawShare(first_draw, draw_count, distributor->ProcessIndex(), distributor->ProcessCount());
  SweepResult part;
  std::optional<DrawFailure> described;
  try {
    part = ComputeDraws(scenario, plan, info, params, options, share_first, share_count,
                        process_threads, true, failed_draw, failure);
    if (failure) described = DescribeFailure(failure, failed_draw, info);
  } catch (...) {
    described = DescribeFailure(std::current_exception(), -1, info);
  }
  return distributor->Gather(part, described, first_draw, draw_count);
}

// Appends the part's inputs only for draws below `input_limit`, and only while the whole holds
// every draw's inputs.
void AppendPart(SweepResult& whole, const SweepResult& part, int input_limit) {
  if (whole.draws == 0 && whole.issue_count == 0 && whole.issue_names.empty()) {
    whole.first_draw = part.first_draw;
    whole.issue_count = part.issue_count;
    whole.issue_names = part.issue_names;
    whole.input_labels = part.input_labels;
    whole.deals_offered = part.deals_offered;
  } else {
    const int expected_first = whole.first_draw + whole.draws;
    if (part.first_draw != expected_first) {
      throw InputError("sweep part starting at draw " + std::to_string(part.first_draw) +
                       ": expected it to start at draw " + std::to_string(expected_first) +
                       ", where the draws held so far (" + std::to_string(whole.first_draw) +
                       " to " + std::to_string(expected_first - 1) + ") end");
    }
    if (part.issue_names != whole.issue_names || part.input_labels != whole.input_labels ||
        part.deals_offered != whole.deals_offered) {
      throw InputError("sweep part starting at draw " + std::to_string(part.first_draw) +
                       ": its issues, sampled inputs or offered deals differ from the draws held "
                       "so far; expected a part of the same sweep");
    }
  }
  if (whole.InputDraws() == whole.draws) {
    const int rows = std::clamp(input_limit - part.first_draw, 0, part.InputDraws());
    whole.inputs.insert(whole.inputs.end(), part.inputs.begin(),
                        part.inputs.begin() + rows * part.input_labels.size());
  }
  whole.draws += part.draws;
  whole.outcomes.insert(whole.outcomes.end(), part.outcomes.begin(), part.outcomes.end());
  whole.unconstrained.insert(whole.unconstrained.end(), part.unconstrained.begin(),
                             part.unconstrained.end());
  whole.deals_struck.insert(whole.deals_struck.end(), part.deals_struck.begin(),
                            part.deals_struck.end());
}

}  // namespace

std::optional<std::string> IssueLeftWithoutPositions(const Scenario& scenario,
                                                     const SweepPlan& plan) {
  std::vector<const Lever*> counter;
  std::vector<const Lever*> levers;
  for (const SweepLever& lever : plan.counter) counter.push_back(lever.lever);
  for (const SweepLever& lever : plan.levers) levers.push_back(lever.lever);
  return IssueLeftWithoutPositions(scenario, counter, levers);
}

SweepResult RunSweep(const Scenario& scenario, const SweepPlan& plan, const ModelInfo& info,
                     const ParamValues& params, const SweepOptions& options) {
  const auto [first_draw, draw_count] = DrawRange(options);
  if (auto problem = IssueLeftWithoutPositions(scenario, plan)) throw InputError(*problem);
  const int threads = ResolveThreads(options.threads);
  if (draw_count <= kSweepBlockDraws) {
    return RunRange(scenario, plan, info, params, options, first_draw, draw_count, threads);
  }
  SweepAccumulator accumulator(options.driver_draws, draw_count);
  const int end = first_draw + draw_count;
  for (int begin = first_draw; begin < end; begin += kSweepBlockDraws) {
    accumulator.Add(RunRange(scenario, plan, info, params, options, begin,
                             std::min(kSweepBlockDraws, end - begin), threads));
  }
  return accumulator.Take();
}

SweepAccumulator::SweepAccumulator(int driver_draws, int expected_draws)
    : driver_draws_(driver_draws), expected_draws_(expected_draws) {}

void SweepAccumulator::Add(const SweepResult& part) {
  if (whole_.draws == 0 && expected_draws_ > 0) {
    const std::size_t values = static_cast<std::size_t>(expected_draws_) * part.issue_count;
    whole_.outcomes.reserve(values);
    whole_.unconstrained.reserve(values);
    whole_.deals_struck.reserve(expected_draws_);
    const int input_rows = std::clamp(driver_draws_ - part.first_draw, 0, expected_draws_);
    whole_.inputs.reserve(static_cast<std::size_t>(input_rows) * part.input_labels.size());
  }
  AppendPart(whole_, part, driver_draws_);
}

void AppendSweepPart(SweepResult& whole, const SweepResult& part) {
  AppendPart(whole, part, std::numeric_limits<int>::max());
}

Quantiles SummarizeIssue(const SweepResult& result, int issue, bool ruled) {
  std::vector<double> values(result.draws);
  const std::vector<double>& source = ruled ? result.outcomes : result.unconstrained;
  for (int draw = 0; draw < result.draws; ++draw) {
    values[draw] = source[draw * result.issue_count + issue];
  }
  Quantiles quantiles;
  // Summed in draw order, so the mean does not depend on threads, processes or blocks.
  quantiles.mean = ExactMean(values);
  std::sort(values.begin(), values.end());
  quantiles.q10 = QuantileOfSorted(values, 0.1);
  quantiles.median = QuantileOfSorted(values, 0.5);
  quantiles.q90 = QuantileOfSorted(values, 0.9);
  return quantiles;
}

double TargetProbability(const SweepResult& result, const Target& target) {
  int met = 0;
  for (int draw = 0; draw < result.draws; ++draw) {
    if (target.Met(result.Outcome(draw, target.issue))) ++met;
  }
  return static_cast<double>(met) / result.draws;
}

double DealStruckShare(const SweepResult& result) {
  if (result.deals_offered == 0) return 0.0;
  int all_struck = 0;
  for (int struck : result.deals_struck) {
    if (struck == result.deals_offered) ++all_struck;
  }
  return static_cast<double>(all_struck) / result.draws;
}

std::vector<Driver> Drivers(const SweepResult& result, int issue, int count) {
  const std::size_t input_count = result.input_labels.size();
  const int draws = result.InputDraws();
  std::vector<Driver> drivers;
  if (draws == 0) return drivers;
  std::vector<double> outcome(draws);
  for (int draw = 0; draw < draws; ++draw) outcome[draw] = result.Outcome(draw, issue);
  const std::vector<double> outcome_ranks = Ranks(outcome);
  const int outcome_exponent = BandExponentOf(outcome);
  // Inputs are read a group of columns at a time: one pass over the draw-major rows fills the
  // group (eight doubles share a cache line), not one pass per input. Groups are independent,
  // so long samples share them among threads; each input's driver lands in its own slot, so the
  // result does not depend on the threads.
  constexpr std::size_t kGroup = 8;
  const std::size_t group_count = (input_count + kGroup - 1) / kGroup;
  std::vector<std::optional<Driver>> found(input_count);
  auto summarize_groups = [&](std::size_t first_group, std::size_t group_step) {
    std::vector<double> input_ranks, sorted;
    std::vector<std::pair<double, std::size_t>> pairs;
    std::vector<std::vector<double>> columns(kGroup, std::vector<double>(draws));
    for (std::size_t group = first_group; group < group_count; group += group_step) {
      const std::size_t begin = group * kGroup;
      const std::size_t width = std::min(kGroup, input_count - begin);
      for (int draw = 0; draw < draws; ++draw) {
        const double* row = result.inputs.data() + draw * input_count + begin;
        for (std::size_t column = 0; column < width; ++column) columns[column][draw] = row[column];
      }
      for (std::size_t column = 0; column < width; ++column) {
        const std::vector<double>& input = columns[column];
        const auto [low, high] = std::minmax_element(input.begin(), input.end());
        if (*low == *high) continue;
        Driver driver;
        driver.input = result.input_labels[begin + column];
        // One sort gives the ranks (Spearman's rho is Pearson's r of the ranks) and the fifths.
        SortAndRank(input, pairs, input_ranks, &sorted);
        driver.rank_correlation = PearsonCorrelation(input_ranks, outcome_ranks);
        const double lower_fifth = QuantileOfSorted(sorted, 0.2);
        const double upper_fifth = QuantileOfSorted(sorted, 0.8);
        // Summed brought into the band of exact_scale.h (outcomes of ±1e308 would overflow).
        double low_sum = 0.0, high_sum = 0.0;
        int low_count = 0, high_count = 0;
        for (int draw = 0; draw < draws; ++draw) {
          if (input[draw] <= lower_fifth) {
            low_sum += ScaleByPowerOfTwo(outcome[draw], outcome_exponent);
            ++low_count;
          }
          if (input[draw] >= upper_fifth) {
            high_sum += ScaleByPowerOfTwo(outcome[draw], outcome_exponent);
            ++high_count;
          }
        }
        driver.outcome_when_low =
            low_count > 0 ? ScaleByPowerOfTwo(low_sum / low_count, -outcome_exponent) : NAN;
        driver.outcome_when_high =
            high_count > 0 ? ScaleByPowerOfTwo(high_sum / high_count, -outcome_exponent) : NAN;
        found[begin + column] = driver;
      }
    }
  };
  // Threads pay off from about a million input values; the cores of the machine are shared
  // with the other processes of a distributed sweep, which summarise the same result.
  constexpr std::size_t kValuesPerThread = 1 << 20;
  const DrawDistributor* distributor = CurrentDrawDistributor();
  const int cores = std::max(
      1, ResolveThreads(0) / (distributor != nullptr ? distributor->ProcessesOnThisMachine() : 1));
  const std::size_t threads =
      std::min<std::size_t>({static_cast<std::size_t>(cores), group_count,
                             std::max<std::size_t>(1, input_count * draws / kValuesPerThread)});
  if (threads <= 1) {
    summarize_groups(0, 1);
  } else {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(summarize_groups, t, threads);
    for (auto& thread : pool) thread.join();
  }
  for (const std::optional<Driver>& driver : found) {
    if (driver) drivers.push_back(*driver);
  }
  std::stable_sort(drivers.begin(), drivers.end(), [](const Driver& a, const Driver& b) {
    return std::abs(a.rank_correlation) > std::abs(b.rank_correlation);
  });
  if (static_cast<int>(drivers.size()) > count) drivers.resize(count);
  return drivers;
}

}  // namespace statecraft
