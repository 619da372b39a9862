package rnnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.CellType;
import rnnlab.io.AtomicFiles;
import rnnlab.io.Seq2SeqIO;
import rnnlab.io.Limits;
import rnnlab.training.seq2seq.BeamSearch;
import rnnlab.training.seq2seq.Seq2SeqExperiment;
import rnnlab.training.seq2seq.Seq2SeqTask;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;

/**
 * {@code train} and {@code experiment} for the encoder–decoder tasks (s2s-reverse, s2s-copy, sort,
 * dates, numbers): the same options as the other tasks where they apply, plus {@code --attention} and
 * {@code --bidirectional}; {@code train --beam W} also shows the beam's candidates on held-out inputs.
 */
public final class Seq2SeqCli {
    private Seq2SeqCli() {
    }

    static boolean handles(TrainOptions opt) {
        return opt.task != null && Seq2SeqTasks.has(opt.task);
    }

    /** --attention with one kind (train) or a comma list (experiment); default none. */
    public static List<AttentionKind> attentions(String s) {
        List<AttentionKind> out = new ArrayList<>();
        for (String part : (s == null ? "none" : s).split(",")) {
            AttentionKind k = AttentionKind.fromId(part);
            if (k == null) {
                throw new IllegalArgumentException("--attention: unknown kind '" + part.trim()
                        + "': expected none, additive, dot or general");
            }
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The trainer's settings from the shared options (encoder and decoder use --cell). */
    static Seq2SeqTrainer.Settings settings(TrainOptions opt, AttentionKind a, int defaultSteps) {
        opt.checkRanges();
        Seq2SeqTrainer.Settings d = Seq2SeqTrainer.Settings.defaults(a, opt.seed == null ? 1 : opt.seed);
        CellType cell = opt.cell == null ? d.cell() : TrainOptions.cellType(opt.cell);
        int hidden = opt.hidden == null ? d.hidden() : opt.hidden;
        if (hidden > 1024) {
            throw new IllegalArgumentException("--hidden for an encoder–decoder must be from 1 to 1024, found " + hidden);
        }
        if (opt.residual || opt.layerNorm) {
            throw new IllegalArgumentException("--residual and --layer-norm apply to the single-network tasks; the "
                    + "encoder–decoder runs PyTorch's plain cells");
        }
        if (opt.clipMode != null && !opt.clipMode.equals("norm")) {
            throw new IllegalArgumentException("--clip-mode: encoder–decoder training clips the global norm only");
        }
        return new Seq2SeqTrainer.Settings(cell, d.embedding(), hidden, opt.layers == null ? 1 : opt.layers,
                opt.bidirectional, a, opt.steps == null ? defaultSteps : opt.steps,
                opt.batch == null ? d.batch() : opt.batch, opt.optimizer == null ? d.optimizer() : opt.optimizer,
                opt.lr == null ? d.lr() : opt.lr, opt.clip == null ? d.clip() : opt.clip, d.seed(),
                opt.decoderCell == null ? cell : TrainOptions.cellType(opt.decoderCell));
    }

    static int train(TrainOptions opt, Integer seq, Path save, boolean quiet, Integer beam) throws Exception {
        List<AttentionKind> as = attentions(opt.attention);
        if (as.size() != 1) {
            throw new IllegalArgumentException("train takes one --attention kind (experiment compares several)");
        }
        if (beam != null && (beam < 1 || beam > 64)) {
            throw new IllegalArgumentException("--beam must be from 1 to 64, found " + beam);
        }
        if (save != null) {
            AtomicFiles.checkWritable(save);
        }
        Seq2SeqTask task = Seq2SeqTasks.create(opt.task, TrainOptions.length(seq));
        Seq2SeqTrainer.Settings s = settings(opt, as.get(0), Seq2SeqTrainer.Settings.defaults(as.get(0), 1).steps());
        Seq2SeqTrainer tr = new Seq2SeqTrainer(task, s);
        PrintStream err = System.err;
        if (!quiet) {
            err.printf(Locale.ROOT, "%s: %s%n%s encoder%s%s → %s decoder, attention %s, H=%d, %d parameters, "
                            + "input length %d, %s lr %.3g, batch %d, seed %d%n", task.name(), task.teaches(),
                    s.cell().id(), s.layers() > 1 ? " (" + s.layers() + " layers)" : "", s.bidirectional() ? " bidirectional" : "",
                    s.decoderCell().id(), s.attention().id(), s.hidden(), tr.model().params().size(), task.length(),
                    s.optimizer(), s.lr(), s.batch(), s.seed());
        }
        long t0 = System.nanoTime();
        long lastBar = 0;
        double loss = Double.NaN;
        double recent = 0;
        int recentN = 0;
        String problem = null;
        while (tr.steps() < s.steps()) {
            loss = tr.step();
            if (Double.isNaN(loss)) {
                problem = "a weight became NaN or infinite at step " + tr.steps() + " (try a smaller --lr)";
                break;
            }
            if (tr.steps() > s.steps() * 9 / 10) {
                recent += loss;
                recentN++;
            }
            long now = System.nanoTime();
            if (!quiet && (now - lastBar > 100_000_000L || tr.steps() == s.steps())) {
                lastBar = now;
                int done = (int) (30L * tr.steps() / s.steps());
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d loss %.4f   ", "#".repeat(done), ".".repeat(30 - done),
                        tr.steps(), s.steps(), loss);
            }
        }
        double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        Seq2SeqTrainer.Accuracy acc = tr.evaluate(s.seed() + 7919, 200);
        if (!quiet) {
            err.println();
            if (problem != null) {
                err.println("stopped: " + problem);
            }
            err.printf(Locale.ROOT, "held-out (greedy, %d pairs): exact-sequence accuracy %.1f%%, token accuracy %.1f%%%n",
                    acc.examples(), 100 * acc.sequence(), 100 * acc.token());
            for (String line : tr.samples(s.seed() + 7919, 5)) {
                err.println("  " + line);
            }
            if (beam != null) {
                beamSamples(err, tr, beam, s.seed() + 7919, 3);
            }
        }
        if (save != null) {
            Seq2SeqIO.write(tr.model(), task.sourceVocab(), task.targetVocab(), save);
        }
        System.out.printf(Locale.ROOT, "{\"task\":\"%s\",\"cell\":\"%s\",\"decoder_cell\":\"%s\",\"attention\":\"%s\",\"hidden\":%d,"
                        + "\"layers\":%d,\"bidirectional\":%s,\"length\":%d,\"parameters\":%d,\"steps\":%d,"
                        + "\"final_loss\":%s,\"final_loss_avg\":%s,\"sequence_accuracy\":%.4f,\"token_accuracy\":%.4f,"
                        + "\"seconds\":%.3f,\"pairs_per_sec\":%.2f,\"stopped\":%s}%n",
                task.name(), s.cell().id(), s.decoderCell().id(), s.attention().id(), s.hidden(), s.layers(), s.bidirectional(), task.length(),
                tr.model().params().size(), tr.steps(), TrainCommand.num(loss),
                TrainCommand.num(recentN == 0 ? Double.NaN : recent / recentN), acc.sequence(), acc.token(), secs,
                (double) tr.steps() * s.batch() / secs, problem == null ? "null" : '"' + problem + '"');
        return problem == null ? 0 : 1;
    }

    /** The beam's final candidates for a few held-out inputs. */
    static void beamSamples(PrintStream err, Seq2SeqTrainer tr, int width, long seed, int n) {
        Seq2SeqTask task = tr.task();
        java.util.Random r = new java.util.Random(seed * 1_000_003L + 99991);
        BeamSearch bs = new BeamSearch(tr.model());
        for (int i = 0; i < n; i++) {
            Seq2SeqTask.Pair p = task.sample(r);
            err.printf(Locale.ROOT, "beam %d: %s%n", width, task.show(task.sourceVocab(), p.source(), task.sourceWords()));
            printCandidates(err, bs.search(p.source(), width, task.maxTarget() + 1), task.targetVocab(), false);
        }
    }

    static void printCandidates(PrintStream out, BeamSearch.Result res, List<String> vocab, boolean words) {
        candidateLines(res, vocab, words).forEach(out::println);
    }

    static List<String> candidateLines(BeamSearch.Result res, List<String> vocab, boolean words) {
        List<String> lines = new ArrayList<>();
        int rank = 1;
        for (BeamSearch.Candidate c : res.candidates()) {
            StringBuilder sb = new StringBuilder();
            for (int t : c.tokens()) {
                if (words && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(vocab.get(t));
            }
            lines.add(String.format(Locale.ROOT, "  %d. %-24s log p %.4f  (p %.4f)%s", rank++, sb, c.logProb(),
                    Math.exp(c.logProb()), c.finished() ? "" : "  unfinished"));
        }
        return lines;
    }

    static int experiment(TrainOptions opt, List<Integer> lengths, int seeds, Path out, int heldOut) throws Exception {
        if (out != null) {
            AtomicFiles.checkWritable(out);
        }
        for (int length : lengths) {
            TrainOptions.range("--lengths", length, 1, Math.min(Limits.MAX_STEPS, 200));
        }
        List<AttentionKind> as = attentions(opt.attention == null ? "none,additive" : opt.attention);
        Seq2SeqTrainer.Settings base = settings(opt, as.get(0), 1500);
        Seq2SeqExperiment ex = new Seq2SeqExperiment(opt.task, lengths, as, seeds, base, heldOut);
        System.err.printf(Locale.ROOT, "%s: %d runs of %d steps (%s H=%d, %s lr %.3g, batch %d), %d held-out pairs each%n",
                opt.task, ex.totalRuns(), base.steps(), base.cell().id(), base.hidden(), base.optimizer(), base.lr(),
                base.batch(), heldOut);
        List<Seq2SeqExperiment.Row> rows = ex.run((done, total, r) -> System.err.printf(Locale.ROOT,
                "[%d/%d] %-8s length %-3d seed %d: sequence %.1f%%  token %.1f%%  (%.1f s)%n", done, total,
                r.attention().id(), r.length(), r.seed(), 100 * r.sequenceAccuracy(), 100 * r.tokenAccuracy(),
                r.seconds()), () -> false);
        if (out != null) {
            String csv = Seq2SeqExperiment.csv(rows);
            rnnlab.io.Formats.writeAtomically(out, o -> o.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        System.out.print(Seq2SeqExperiment.table(rows));
        return 0;
    }
}
