#include "cli/mpi_options.h"

#include "statecraft/core/error.h"
#ifdef STATECRAFT_WITH_MPI
#include "statecraft/distributed/mpi_distributor.h"
#endif

namespace statecraft::cli {
namespace {

void StartMpiOrExplain() {
#ifdef STATECRAFT_WITH_MPI
  StartMpi();
#else
  throw InputError(
      "--mpi: statecraft was built without MPI; expected a build configured with "
      "-DSTATECRAFT_MPI=ON and an MPI installed (Debian: libopenmpi-dev openmpi-bin)");
#endif
}

}  // namespace

void AddMpiOption(CLI::App& command) {
  command.add_flag_callback(
      "--mpi", StartMpiOrExplain,
      "split the draws across the processes of an MPI job (run under mpirun -np N)");
}

}  // namespace statecraft::cli
