// The MPI draw distributor: each process (MPI rank) computes its contiguous share of a sweep's
// draws and MPI_Allgatherv gives every rank the whole result (see analysis/distributed.h).
#ifndef STATECRAFT_DISTRIBUTED_MPI_DISTRIBUTOR_H_
#define STATECRAFT_DISTRIBUTED_MPI_DISTRIBUTOR_H_

#include "statecraft/analysis/distributed.h"

namespace statecraft {

class MpiDrawDistributor : public DrawDistributor {
 public:
  // MPI must be initialised; the distributor uses MPI_COMM_WORLD.
  MpiDrawDistributor();
  int ProcessIndex() const override { return rank_; }
  int ProcessCount() const override { return size_; }
  int ProcessesOnThisMachine() const override { return local_size_; }
  SweepResult Gather(const SweepResult& part, const std::optional<DrawFailure>& failure,
                     int first_draw, int draw_count) override;

 private:
  int rank_ = 0;
  int size_ = 1;
  int local_size_ = 1;
};

// Initialises MPI once (later calls do nothing), installs an MpiDrawDistributor as the
// process-wide distributor, silences stdout and stderr on every rank but 0 so that output is
// written once, and finalises MPI when the program exits.
void StartMpi();

}  // namespace statecraft

#endif  // STATECRAFT_DISTRIBUTED_MPI_DISTRIBUTOR_H_
