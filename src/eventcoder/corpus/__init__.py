"""Many documents: merging, evaluation, the evaluation suite."""
