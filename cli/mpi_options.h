// --mpi: run a command's sweeps across the processes of an MPI job (mpirun -np N statecraft
// sweep ... --mpi). Every process computes its share of the draws and all of them hold the whole
// result, so the output (written by process 0 only) is byte-identical to a single-process run.
#ifndef STATECRAFT_CLI_MPI_OPTIONS_H_
#define STATECRAFT_CLI_MPI_OPTIONS_H_

#include <CLI/CLI.hpp>

namespace statecraft::cli {

// Adds the --mpi flag; giving it starts MPI before the command runs. InputError when statecraft
// was built without MPI.
void AddMpiOption(CLI::App& command);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_MPI_OPTIONS_H_
