/**
 * The names the whole program agrees on, declared once: the views ({@link rnnlab.catalog.ViewRegistry})
 * and the built-in tasks ({@link rnnlab.catalog.TaskRegistry}). Plain Java with no dependency, so the
 * file readers, the lessons, the training code, the command line and the window all read the same
 * lists. (Cells are declared in {@code rnnlab.engine.CellType}.)
 */
package rnnlab.catalog;
