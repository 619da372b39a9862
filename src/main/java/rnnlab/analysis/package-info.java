/**
 * What a trained network learned, headless: the activations of every unit over a long text
 * ({@link rnnlab.analysis.Activations}), text patterns as signals ({@link rnnlab.analysis.TextPattern}),
 * units ranked by how well they follow a pattern ({@link rnnlab.analysis.UnitSearch}), and how much each
 * earlier character influences one prediction ({@link rnnlab.analysis.Connectivity}). Depends on the
 * engine and java.* only; the command line ({@code units}, {@code connectivity}) and the views read it.
 */
package rnnlab.analysis;
