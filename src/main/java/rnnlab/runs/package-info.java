/**
 * The runs folder: every training run's settings, curves and final figures as plain files other tools
 * read ({@code <folder>/<run id>/run.json} and {@code curve.csv}), each written atomically so a run
 * killed mid-write leaves the last complete version; listing, comparing and CSV export of runs; and
 * sweeps (a grid of hyperparameter values × seeds, cancellable, with progress) that record into it.
 * Headless: used by the command line (and meant for a runs window).
 */
package rnnlab.runs;
