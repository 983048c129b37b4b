// Splitting the draws of a sweep across processes. RunSweep consults one process-wide draw
// distributor: without one (the default) every draw is computed here; with one (statecraft
// --mpi installs an MPI distributor) each process computes its contiguous share of the draw range
// and the distributor gathers the parts so that every process holds the whole result, bit for
// bit the same as a single process would compute. Every process therefore takes the same path
// through analyses whose control flow depends on results (optimize).
#ifndef STATECRAFT_ANALYSIS_DISTRIBUTED_H_
#define STATECRAFT_ANALYSIS_DISTRIBUTED_H_

#include <optional>
#include <string>
#include <utility>

#include "statecraft/analysis/sweep.h"

namespace statecraft {

// Why this process's share of a sweep failed.
struct DrawFailure {
  int draw = -1;            // the sweep's index of the failing draw; -1: before any draw
  bool input_error = true;  // an InputError (bad input); otherwise an internal error
  std::string message;      // the complete message, as RunSweep would throw it
};

class DrawDistributor {
 public:
  virtual ~DrawDistributor() = default;
  virtual int ProcessIndex() const = 0;
  virtual int ProcessCount() const = 0;
  // Processes sharing this machine's cores (this one included), to divide "every core" among
  // them.
  virtual int ProcessesOnThisMachine() const = 0;
  // Every process calls this with its share of the range [first_draw, first_draw + draw_count)
  // (`part`, meaningless when `failure` is set) and gets the whole range, in draw order. When any
  // process failed, every process throws the error of the lowest failing draw instead
  // (InputError or std::runtime_error), so none is left waiting.
  virtual SweepResult Gather(const SweepResult& part, const std::optional<DrawFailure>& failure,
                             int first_draw, int draw_count) = 0;
};

// Installs the process-wide distributor (nullptr: compute every draw here). The distributor must
// outlive every later sweep.
void SetDrawDistributor(DrawDistributor* distributor);
DrawDistributor* CurrentDrawDistributor();

// True in the process that writes output and saves runs: always without a distributor, and in
// process 0 with one.
bool IsLeadProcess();

// Process `index` of `count`'s contiguous share of [first_draw, first_draw + draw_count), as
// (first, count). Shares differ by at most one draw; every draw belongs to exactly one share.
std::pair<int, int> DrawShare(int first_draw, int draw_count, int index, int count);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_DISTRIBUTED_H_
