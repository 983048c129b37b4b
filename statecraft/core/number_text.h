// Numbers in messages and canonical texts: the shortest decimal that reads back as the same
// double, so a user sees "130" or "0.35" where they wrote it, never "130.000000".
#ifndef STATECRAFT_CORE_NUMBER_TEXT_H_
#define STATECRAFT_CORE_NUMBER_TEXT_H_

#include <string>

namespace statecraft {

// "130", "0.35", "1e-09", "-2.5"; "nan", "inf" and "-inf" for non-finite values.
std::string NumberText(double value);

// A value held on a unit scale written on a wider one (a salience of 0.6 written on 0–100): the
// shortest decimal x with x / scale == value, which is how the readers bring it back, so a
// written file reads back to the same double; value * scale when no decimal does.
double ValueOnScale(double value, double scale);

}  // namespace statecraft

#endif  // STATECRAFT_CORE_NUMBER_TEXT_H_
