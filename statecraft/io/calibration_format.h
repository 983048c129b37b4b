// The calibration file: every model's empirical error (model_error.h), as JSON.
//
//   {"format": "statecraft calibration 1",
//    "source": "DEU I+II+III, ...",                      what it was learned from, in words
//    "scenarios": ["d00032", ...],                        the scenarios it was learned from
//    "models": {"compromise": {"scale_intercept": a, "scale_slope": b,
//                              "standardized_residuals": [z, ...]}, ...}}
//
// `statecraft calibrate deu FILE -o calibration.json` writes one; data/calibration.json (learned
// from DEU) is compiled into the program and used unless `--calibration FILE` names another.
#ifndef STATECRAFT_IO_CALIBRATION_FORMAT_H_
#define STATECRAFT_IO_CALIBRATION_FORMAT_H_

#include <memory>
#include <string>

#include "statecraft/analysis/model_error.h"
#include "statecraft/io/json_output.h"

namespace statecraft {

Json CalibrationToJson(const Calibration& calibration);
std::string WriteCalibrationJson(const Calibration& calibration);

// InputError naming the file and the key when the text is not a calibration.
Calibration ParseCalibration(const std::string& text, const std::string& file_name);
Calibration ReadCalibration(const std::string& path);

// The calibration shipped with statecraft (data/calibration.json), parsed once.
const Calibration& BuiltinCalibration();
// The same, as analyses hold a calibration (SweepOptions::calibration).
std::shared_ptr<const Calibration> BuiltinCalibrationPointer();
const std::string& BuiltinCalibrationFileName();

}  // namespace statecraft

#endif  // STATECRAFT_IO_CALIBRATION_FORMAT_H_
