#include "statecraft/distributed/mpi_distributor.h"

#include <fcntl.h>
#include <mpi.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

// Gathers every rank's `local` values into `whole`, in rank order.
template <typename T>
void AllGather(const std::vector<T>& local, std::vector<T>& whole, MPI_Datatype type, int size) {
  int count = static_cast<int>(local.size());
  std::vector<int> counts(size), offsets(size);
  MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  long long total = 0;
  for (int rank = 0; rank < size; ++rank) {
    offsets[rank] = static_cast<int>(total);
    total += counts[rank];
  }
  if (total > INT_MAX) {
    throw std::runtime_error("a sweep part of " + std::to_string(total) +
                             " values is too large for one MPI message; use fewer draws");
  }
  whole.resize(static_cast<std::size_t>(total));
  MPI_Allgatherv(local.data(), count, type, whole.data(), counts.data(), offsets.data(), type,
                 MPI_COMM_WORLD);
}

void FinalizeMpi() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}

}  // namespace

MpiDrawDistributor::MpiDrawDistributor() {
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm machine;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &machine);
  MPI_Comm_size(machine, &local_size_);
  MPI_Comm_free(&machine);
}

SweepResult MpiDrawDistributor::Gather(const SweepResult& part,
                                       const std::optional<DrawFailure>& failure, int first_draw,
                                       int draw_count) {
  // The lowest failing draw wins on every rank; a failure before any draw (-1) is the same on
  // every rank, and the lowest rank's message is taken.
  struct {
    int draw;
    int rank;
  } local{failure ? failure->draw : INT_MAX, rank_}, lowest{INT_MAX, 0};
  MPI_Allreduce(&local, &lowest, 1, MPI_2INT, MPI_MINLOC, MPI_COMM_WORLD);
  if (lowest.draw != INT_MAX) {
    int header[2] = {0, 0};  // input error?, message length
    std::string message;
    if (rank_ == lowest.rank) {
      header[0] = failure->input_error ? 1 : 0;
      header[1] = static_cast<int>(failure->message.size());
      message = failure->message;
    }
    MPI_Bcast(header, 2, MPI_INT, lowest.rank, MPI_COMM_WORLD);
    message.resize(header[1]);
    MPI_Bcast(message.data(), header[1], MPI_CHAR, lowest.rank, MPI_COMM_WORLD);
    if (header[0] == 1) throw InputError(message);
    throw std::runtime_error(message);
  }
  SweepResult whole;
  whole.first_draw = first_draw;
  whole.draws = draw_count;
  whole.issue_count = part.issue_count;
  whole.issue_names = part.issue_names;
  whole.input_labels = part.input_labels;
  whole.deals_offered = part.deals_offered;
  AllGather(part.inputs, whole.inputs, MPI_DOUBLE, size_);
  AllGather(part.outcomes, whole.outcomes, MPI_DOUBLE, size_);
  AllGather(part.unconstrained, whole.unconstrained, MPI_DOUBLE, size_);
  AllGather(part.deals_struck, whole.deals_struck, MPI_INT, size_);
  return whole;
}

void StartMpi() {
  static MpiDrawDistributor* distributor = nullptr;
  if (distributor != nullptr) return;
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) {
    // Sweeps run worker threads, but only the calling thread talks to MPI.
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    std::atexit(FinalizeMpi);
  }
  distributor = new MpiDrawDistributor();
  SetDrawDistributor(distributor);
  if (distributor->ProcessIndex() != 0) {
    std::fflush(stdout);
    const int null_file = open("/dev/null", O_WRONLY);
    if (null_file >= 0) {
      dup2(null_file, STDOUT_FILENO);
      dup2(null_file, STDERR_FILENO);
      close(null_file);
    }
  }
}

}  // namespace statecraft
