package rnnlab.training.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import rnnlab.engine.AttentionKind;

/**
 * The bottleneck experiment: for every input length × attention kind × seed, train an encoder–decoder
 * on a fresh task of that length and measure greedy exact-sequence and token accuracy on held-out pairs.
 * Without attention the whole input must pass through one vector, so accuracy falls as inputs grow; with
 * attention the decoder looks back at every encoder state.
 */
public final class Seq2SeqExperiment {
    /** One run's result. */
    public record Row(String task, AttentionKind attention, int length, long seed, int steps,
                      double sequenceAccuracy, double tokenAccuracy, double finalLoss, double seconds) {
    }

    /** Called after each run. */
    public interface Progress {
        void done(int done, int total, Row row);
    }

    private final String task;
    private final List<Integer> lengths;
    private final List<AttentionKind> attentions;
    private final int seeds;
    private final Seq2SeqTrainer.Settings base;
    private final int heldOut;

    public Seq2SeqExperiment(String task, List<Integer> lengths, List<AttentionKind> attentions, int seeds,
                             Seq2SeqTrainer.Settings base, int heldOut) {
        if (lengths.isEmpty() || attentions.isEmpty() || seeds < 1 || heldOut < 1) {
            throw new IllegalArgumentException("an experiment needs lengths, attention kinds, seeds and held-out pairs");
        }
        Seq2SeqTasks.create(task, lengths.get(0)); // unknown names fail before any training
        this.task = task;
        this.lengths = List.copyOf(lengths);
        this.attentions = List.copyOf(attentions);
        this.seeds = seeds;
        this.base = base;
        this.heldOut = heldOut;
    }

    public int totalRuns() {
        return lengths.size() * attentions.size() * seeds;
    }

    /** Runs every combination (lengths outermost); {@code cancelled} is asked between optimiser steps. */
    public List<Row> run(Progress progress, BooleanSupplier cancelled) {
        List<Row> rows = new ArrayList<>();
        int total = totalRuns();
        for (int length : lengths) {
            for (AttentionKind a : attentions) {
                for (int s = 1; s <= seeds; s++) {
                    if (cancelled.getAsBoolean()) {
                        return rows;
                    }
                    Seq2SeqTask t = Seq2SeqTasks.create(task, length);
                    Seq2SeqTrainer tr = new Seq2SeqTrainer(t, base.withAttention(a).withSeed(s));
                    long t0 = System.nanoTime();
                    double loss = Double.NaN;
                    double recent = 0;
                    int recentN = 0;
                    while (tr.steps() < base.steps() && !cancelled.getAsBoolean()) {
                        loss = tr.step();
                        if (Double.isNaN(loss)) {
                            break;
                        }
                        if (tr.steps() > base.steps() * 9 / 10) {
                            recent += loss;
                            recentN++;
                        }
                    }
                    Seq2SeqTrainer.Accuracy acc = tr.evaluate(s + 7919, heldOut);
                    Row row = new Row(t.name(), a, t.length(), s, tr.steps(), acc.sequence(), acc.token(),
                            recentN == 0 ? loss : recent / recentN, (System.nanoTime() - t0) / 1e9);
                    rows.add(row);
                    progress.done(rows.size(), total, row);
                }
            }
        }
        return rows;
    }

    /** One CSV line per run; the attention kind has its own column. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("task,attention,length,seed,steps,sequence_accuracy,token_accuracy,final_loss,seconds\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.4f,%.5g,%.2f%n", r.task(), r.attention().id(),
                    r.length(), r.seed(), r.steps(), r.sequenceAccuracy(), r.tokenAccuracy(), r.finalLoss(), r.seconds()));
        }
        return sb.toString();
    }

    /** Mean exact-sequence (and token) accuracy over seeds: rows are lengths, columns attention kinds. */
    public static String table(List<Row> rows) {
        List<Integer> ls = rows.stream().map(Row::length).distinct().toList();
        List<AttentionKind> as = rows.stream().map(Row::attention).distinct().toList();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s", "length"));
        for (AttentionKind a : as) {
            sb.append(String.format(Locale.ROOT, "  %-22s", a.id() + " seq% (tok%)"));
        }
        sb.append('\n');
        for (int l : ls) {
            sb.append(String.format(Locale.ROOT, "%-8d", l));
            for (AttentionKind a : as) {
                double seq = 0;
                double tok = 0;
                int n = 0;
                for (Row r : rows) {
                    if (r.length() == l && r.attention() == a) {
                        seq += r.sequenceAccuracy();
                        tok += r.tokenAccuracy();
                        n++;
                    }
                }
                sb.append(n == 0 ? String.format(Locale.ROOT, "  %-22s", "-")
                        : String.format(Locale.ROOT, "  %-22s", String.format(Locale.ROOT, "%5.1f (%5.1f)",
                        100 * seq / n, 100 * tok / n)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
