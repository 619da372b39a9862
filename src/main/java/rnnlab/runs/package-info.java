/**
 * Recorded training runs (issue 17): each run's settings, seed, curves (training and validation) and
 * final figures as plain files in a runs folder ({@link rnnlab.runs.RunsFolder}), and grid sweeps over
 * a few hyperparameters ({@link rnnlab.runs.Sweep}, {@link rnnlab.runs.SweepRunner}). Headless: the CLI
 * and the app share it; it imports no ui.
 */
package rnnlab.runs;
