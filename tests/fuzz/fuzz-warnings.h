/* fuzz-warnings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

void fuzz_crash_on_warnings (void);
