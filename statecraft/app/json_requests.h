// Requests decoded from JSON objects: the HTTP API's request bodies and Python's keyword
// arguments (python/ turns them into the same objects), so that a field has one name, one type
// and one message in both. Each decoder refuses unknown keys (naming the known ones) and wrong
// types ("seed: found \"x\", expected a non-negative integer"); ranges are checked when the
// request is prepared, by the same checks as the CLI's (checks.h). null means absent.
//
// Keys shared by several requests:
//   "document"   a native scenario document (docs/scenario-format.md); absent: the built-in one
//   "model"      NAME, "NAME:k=v,k=v" or {"name", "params": {NAME: VALUE}}; "params" beside a
//                single model gives its parameters
//   "models"     a list of such models
//   "plan"       a declared plan or levers joined by '+' ("L1=15+L2")
//   "draws", "seed", "threads", "distribution"   the Monte Carlo settings
//   "save"       whether a server saves the run (read by the server, not by the command)
#ifndef STATECRAFT_APP_JSON_REQUESTS_H_
#define STATECRAFT_APP_JSON_REQUESTS_H_

#include "statecraft/app/answer_command.h"
#include "statecraft/app/backtest_command.h"
#include "statecraft/app/gallery_commands.h"
#include "statecraft/app/lever_commands.h"
#include "statecraft/app/report_command.h"
#include "statecraft/app/run_commands.h"
#include "statecraft/app/runs_commands.h"
#include "statecraft/app/scenario_commands.h"

namespace statecraft::app {

// Each throws InputError located at the offending key.
ValidateRequest DecodeValidateRequest(const Json& body);
RunRequest DecodeRunRequest(const Json& body);
CompareRequest DecodeCompareRequest(const Json& body);
WhatifRequest DecodeWhatifRequest(const Json& body);
SweepRequest DecodeSweepRequest(const Json& body);
OptimizeRequest DecodeOptimizeRequest(const Json& body);
AnswerRequest DecodeAnswerRequest(const Json& body);
// {"document"?, "models"?}: the scenario's known outcomes scored with and without decision rules
// (as `statecraft backtest flagship`).
BacktestRequest DecodeBacktestRequest(const Json& body);
// {"models"?}: every model scored on the built-in cases with a known outcome (as `statecraft
// backtest gallery`).
GalleryBacktestRequest DecodeGalleryBacktestRequest(const Json& body);
ReportDataRequest DecodeReportDataRequest(const Json& body);
// {"text", "file_name"?, "from"?, "capability"?}: a file's text to read in any format (the name's
// extension helps detection), converted to native JSON documents.
ConvertRequest DecodeConvertRequest(const Json& body);

// The value of "save" in a body, or `fallback`.
bool DecodeSave(const Json& body, bool fallback);

// A parameter value as the text a user types: "10", "0.5", "true", "global".
std::string ParamValueText(const std::string& key, const Json& value);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_JSON_REQUESTS_H_
