package rnnlab.ui.viewmodel;

import rnnlab.training.Progress;
import rnnlab.training.Sampler;
import rnnlab.training.SessionListener;
import rnnlab.training.Trainer;
import rnnlab.training.TrainingSession;

/**
 * Runs on the training thread: hands every report to the {@link TrainingFeed}, a weight copy to the
 * views every so often (never while a step animates), and a sample of a character model every few
 * seconds and at the end.
 */
final class TrainingListener implements SessionListener {
    private final TrainingViewModel owner;
    private final TrainingFeed feed;
    private final Trainer trainer;
    private final boolean sampling;
    private final double temp;
    private final long sampleSeed;
    /** The start of every sample (in the text's own language: a Tang-poem model knows no "The "). */
    private final String prime;
    /** The weight matrices whose norms go with every report. */
    private final java.util.List<String> matrices;
    private long lastWeights = System.nanoTime();
    private long lastSample = System.nanoTime();

    TrainingListener(TrainingViewModel owner, TrainingFeed feed, Trainer trainer, double temperature, boolean sampling,
                     long seed, String prime) {
        this.prime = prime;
        this.owner = owner;
        this.feed = feed;
        this.trainer = trainer;
        this.temp = temperature;
        this.sampling = sampling;
        this.sampleSeed = seed;
        this.matrices = rnnlab.training.NormHistory.weightNames(trainer.model().params());
    }

    @Override
    public void progress(Progress p) {
        long now = System.nanoTime();
        String sample = null;
        if (sampling && (now - lastSample) / 1_000_000 >= TrainingViewModel.SAMPLE_EVERY_MS) {
            sample = sample(p.step());
            lastSample = System.nanoTime();
        }
        // the norms of the weights as they are after the report's step (the training thread may read the model)
        feed.hand(p, true, rnnlab.training.NormHistory.norms(trainer.model().params(), matrices), sample, null, null);
        long every = owner.weightsInterval();
        if (every > 0 && !owner.viewsAnimating() && (now - lastWeights) / 1_000_000 >= every) {
            owner.weightSink().accept(trainer.model().copy(), false);
            lastWeights = now;
        }
    }

    @Override
    public void finished(TrainingSession.Outcome outcome, String message, Progress last) {
        owner.weightSink().accept(trainer.model().copy(), true);
        String sample = sampling && outcome != TrainingSession.Outcome.FAILED && trainer.steps() > 0
                ? sample(trainer.steps()) : null;
        // the last report was already handed over by progress(): only its figures count here
        feed.hand(last, false, sample, outcome, message == null ? "" : message);
    }

    private String sample(long atStep) {
        try {
            return Sampler.sample(trainer.model(), prime, TrainingViewModel.SAMPLE_LENGTH, temp, sampleSeed * 1000 + atStep,
                    false);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
