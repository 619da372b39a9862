package rnnlab.ui.lesson;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.lessons.Scene;
import rnnlab.lessons.Step;
import rnnlab.ui.formula.TexImages;
import rnnlab.ui.viewmodel.LessonCommands;
import rnnlab.i18n.Messages;

/**
 * Plays a lesson in the main window: opens it where it was left, applies each step's scene (the model
 * and position through {@link LessonCommands} on the engine thread, views, selection, spotlight, locks
 * and panels here), runs its checkpoint (predict, then reveal; a goal is re-checked, debounced, whenever
 * the shown run changes) and saves the progress. Whatever a lesson gets wrong ends as a message in the
 * panel, never as an exception.
 */
public final class LessonPlayer implements LessonSteps {
    private final LessonHost w;
    private final LessonCommands commands;
    private final LessonPanel panel = new LessonPanel();
    private final LessonScene scenes;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    /** The panel can be folded away while the lesson stays open (the keys keep stepping it). */
    private final javafx.beans.property.BooleanProperty panelShown = new javafx.beans.property.SimpleBooleanProperty(true);
    private final TexImages tex = new TexImages();
    private final PauseTransition goalWatch = new PauseTransition(Duration.millis(250));
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lesson-progress");
        t.setDaemon(true);
        return t;
    });
    /** The window closed: queued saves still run (each one atomic); no new ones are taken. */
    private final javafx.event.EventHandler<javafx.stage.WindowEvent> stageHidden = e -> {
        release();
        saver.shutdown();
        stopWatching();
    };
    private LessonLibrary library;
    /** View ▸ Teacher notes: the steps' note blocks are shown (off: hidden from the class). */
    private final javafx.beans.property.BooleanProperty teacherNotes = new javafx.beans.property.SimpleBooleanProperty(false);
    /** A teacher's folder listed beside the shipped lessons (Lesson ▸ Open lesson folder…, --lessons), or null. */
    private java.nio.file.Path ownFolder;
    private rnnlab.lessons.LessonFolderWatch watch;
    private LessonProgress progress;
    private Lesson lesson;
    private int index;
    /** The student was told the last checkpoint is unanswered; the next Finish skips it. */
    private boolean skipAsked;
    private Scene applied;
    /** The step's first checkpoint box (the one the class poll follows), or null. */
    private CheckpointBox box;
    /** Every checkpoint box of the step, in file order, each with its own answer and result. */
    private List<CheckpointBox> boxes = List.of();
    /** Where the last applied step put the timeline (-1 until its scene reached the engine). */
    private int appliedPosition = -1;
    /** The model and sequence as the last applied step left them; a change by hand means rebuilding. */
    private String appliedSignature;
    /** Bumped whenever the step changes: answers for an older step are dropped. */
    private int generation;
    /** Bumped whenever another step shows or the lesson closes (the class poll follows it). */
    private final javafx.beans.property.ReadOnlyIntegerWrapper shown = new javafx.beans.property.ReadOnlyIntegerWrapper();
    /**
     * Bumped when the step shown is drawn again in place (font size, theme, projector palette, teacher notes): its
     * checkpoint boxes are new ones (the presenter view follows their results).
     */
    private final javafx.beans.property.ReadOnlyIntegerWrapper redrawn = new javafx.beans.property.ReadOnlyIntegerWrapper();
    /** The generation whose scene the engine has applied (the presenter view's answer key waits for it). */
    private final javafx.beans.property.ReadOnlyIntegerWrapper appliedGeneration = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    /** Something added under a checkpoint (the class poll's button), or null. */
    private java.util.function.Function<Checkpoint, Node> checkpointExtra;
    /** Told each revealed checkpoint and the engine's value (the class poll shows it on the students' page). */
    private java.util.function.BiConsumer<Checkpoint, Double> onRevealed;

    public LessonPlayer(LessonHost w) {
        this.w = w;
        this.commands = new LessonCommands(w.viewModel());
        this.scenes = new LessonScene(w);
        panel.visibleProperty().bind(open.getReadOnlyProperty().and(panelShown));
        panel.managedProperty().bind(panel.visibleProperty());
        panel.previous.setOnAction(e -> previous());
        panel.next.setOnAction(e -> next());
        panel.restart.setOnAction(e -> restart());
        panel.close.setOnAction(e -> close());
        panel.list.setOnAction(e -> showList());
        panel.glossary.setOnAction(e -> GlossaryWindow.show(w));
        goalWatch.setOnFinished(e -> checkGoal());
        w.viewModel().frameProperty().addListener((o, a, f) -> {
            if (boxes.stream().anyMatch(b -> b.checkpoint().kind() == Checkpoint.Kind.GOAL)) {
                goalWatch.playFromStart();
            }
        });
        // narration follows the font size, theme and projector palette
        w.theme().fontScaleProperty().addListener((o, a, b) -> rerender());
        w.theme().darkProperty().addListener((o, a, b) -> rerender());
        w.theme().projectorProperty().addListener((o, a, b) -> rerender());
        teacherNotes.addListener((o, a, b) -> rerender());
        w.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, stageHidden);
    }

    /**
     * Lets go of the stage, which outlives this player when the window is rebuilt in another language (and
     * in tests): a handler left on it keeps the whole old window alive.
     */
    public void release() {
        w.stage().removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, stageHidden);
    }

    public Node panel() {
        return panel;
    }

    LessonPanel lessonPanel() {
        return panel;
    }

    /**
     * Whether the step's checkpoints (question, options, Check, result) show whole in the lesson panel
     * without scrolling, as laid out now ({@code lessons check --layout}; issue 12). True without a lesson
     * shown or a step without a checkpoint.
     */
    public boolean checkpointInView() {
        return lesson == null || panel.checkpointInView();
    }

    /** The lessons shown in the list: the shipped ones unless {@link #setLibrary} chose another folder. */
    public LessonLibrary library() {
        if (library == null) {
            library = LessonLibrary.load(LessonLibrary.builtInFolder());
        }
        return library;
    }

    /** A rebuilt window (language switch) keeps the lessons folder and the progress read. */
    public void carryOver(LessonPlayer before) {
        library = before.library;
        progress = before.progress;
        teacherNotes.set(before.teacherNotes.get());
        before.saver.shutdown();
        if (before.ownFolder != null) {
            before.stopWatching();
            openFolder(before.ownFolder);
        }
    }

    /** Lesson ▸ Open lesson folder…: a folder chooser, then {@link #openFolder}. */
    public void chooseFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(Messages.get("lesson.folder.choose"));
        if (ownFolder != null && java.nio.file.Files.isDirectory(ownFolder)) {
            chooser.setInitialDirectory(ownFolder.toFile());
        }
        java.io.File dir = chooser.showDialog(w.stage());
        if (dir != null) {
            openFolder(dir.toPath());
            showList();
        }
    }

    /**
     * Lists the lessons of {@code dir} beside the shipped ones and watches the folder: saving a lesson
     * file reloads it (the open lesson stays at its step; its problems show in the panel as
     * {@code file:line: message}).
     */
    public void openFolder(java.nio.file.Path dir) {
        stopWatching();
        ownFolder = dir.toAbsolutePath().normalize();
        library = loadWithFolder();
        try {
            java.nio.file.Path watched = ownFolder;
            watch = rnnlab.lessons.LessonFolderWatch.start(watched, 250, () -> {
                LessonLibrary lib = loadWithFolder(); // read off the FX thread
                javafx.application.Platform.runLater(() -> {
                    if (watched.equals(ownFolder)) {
                        reloaded(lib);
                    }
                });
            });
        } catch (java.io.IOException | RuntimeException e) {
            w.showNotice(Messages.format("lesson.folder.unwatched", ownFolder, String.valueOf(e.getMessage())));
        }
    }

    /** The teacher's folder (null when only the shipped lessons are listed). */
    public java.nio.file.Path ownFolder() {
        return ownFolder;
    }

    private LessonLibrary loadWithFolder() {
        return LessonLibrary.beside(LessonLibrary.load(LessonLibrary.builtInFolder()), LessonLibrary.load(ownFolder));
    }

    private void stopWatching() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** The folder changed: the new library is listed, the open lesson is reloaded at the same step. */
    void reloaded(LessonLibrary lib) {
        library = lib;
        if (lesson == null) {
            return;
        }
        LessonEntry e = lib.entry(lesson.id());
        if (e == null) {
            panel.showProblem(Messages.format("lesson.folder.gone", lesson.id()));
            return;
        }
        if (!e.ok()) {
            panel.showProblem(Messages.format("lesson.folder.broken", String.join("\n",
                    e.problems().stream().limit(8).map(p -> p.describe(lib.dir())).toList())));
            return;
        }
        Lesson fresh = e.lesson(language());
        if (fresh == null) {
            return;
        }
        lesson = fresh;
        applied = null;
        go(Math.min(index, lesson.steps().size() - 1));
        w.viewModel().statusProperty().set(Messages.format("lesson.folder.reloaded", ownFolder));
    }

    public void setLibrary(LessonLibrary lib) {
        library = lib;
    }

    /** The user's saved progress (read once). */
    public LessonProgress progress() {
        if (progress == null) {
            progress = LessonProgress.load();
            if (progress.problem() != null) {
                w.showNotice(Messages.format("notice.progressUnreadable", progress.problem()));
            }
        }
        return progress;
    }

    public void setProgress(LessonProgress p) {
        progress = p;
    }

    /** The app's language among the lessons' (en, zh). */
    static String language() {
        String l = rnnlab.ui.controls.AppLanguage.locale().getLanguage();
        return LessonLibrary.LANGUAGES.contains(l) ? l : "en";
    }

    public javafx.beans.property.BooleanProperty teacherNotesProperty() {
        return teacherNotes;
    }

    public javafx.beans.property.BooleanProperty panelShownProperty() {
        return panelShown;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The timeline position the current step's scene set (-1 while it is being applied). */
    public int appliedPosition() {
        return appliedPosition;
    }

    public int stepIndex() {
        return index;
    }

    /**
     * Opens a lesson of the library where the user left it. A broken lesson does not open: its problems
     * are returned (null when it opened).
     */
    public String open(String id) {
        LessonEntry e = library().entry(id);
        if (e == null) {
            return Messages.format("lesson.error.unknown", id);
        }
        if (!e.ok()) {
            return e.problems().isEmpty() ? Messages.format("lesson.error.unknown", id)
                    : e.problems().get(0).describe(library().dir());
        }
        lesson = e.lesson(language());
        applied = null;
        open.set(true);
        panelShown.set(true);
        // the keys (clicker) step the lesson from the views, whatever had the focus before
        w.viewsArea().requestFocus();
        int resume = progress().started(id) ? progress().step(id) : 0;
        go(Math.max(0, Math.min(lesson.steps().size() - 1, resume)));
        return null;
    }

    /** Shows step {@code i} (from 0) and applies its scene. */
    public void go(int i) {
        if (lesson == null || i < 0 || i >= lesson.steps().size()) {
            return;
        }
        index = i;
        skipAsked = false;
        int gen = ++generation;
        goalWatch.stop();
        Step step = lesson.steps().get(i);
        progress().setStep(lesson.id(), i);
        save();
        Node checks = makeBoxes(step);
        panel.show(lesson.title(), i, lesson.steps().size(), step.title(), render(narration(step)), checks);
        shown.set(shown.get() + 1);
        Scene sc = step.scene();
        // the same model as the last step keeps its weights, unless the student changed it by hand since
        boolean build = applied == null || !sc.sameModel(applied) || !signature().equals(appliedSignature);
        applied = sc;
        appliedPosition = -1;
        scenes.applyWindowPart(sc);
        mask(sc, step.checkpoints());
        commands.apply(sc, build, problem -> {
            if (gen != generation) {
                return;
            }
            appliedPosition = w.viewModel().positionProperty().get();
            appliedSignature = signature();
            panel.showProblem(problem);
            scenes.applyAfterModel(sc);
            restoreCheckpoint(gen);
            appliedGeneration.set(gen);
        });
    }

    @Override
    public void next() {
        if (lesson == null) {
            return;
        }
        if (boxes.stream().anyMatch(b -> b.checkpoint().requireAnswer() && !satisfied(b))) {
            w.viewModel().statusProperty().set(Messages.get("lesson.next.required"));
            return;
        }
        if (index < lesson.steps().size() - 1) {
            go(index + 1);
        } else {
            // finished only when the last checkpoint is answered or skipped: the first Finish on an
            // unanswered question says so, a second one skips it
            if (boxes.stream().anyMatch(b -> b.checkpoint().kind() != Checkpoint.Kind.GOAL && !b.answered()) && !skipAsked) {
                skipAsked = true;
                w.viewModel().statusProperty().set(Messages.get("lesson.finish.unanswered"));
                return;
            }
            progress().setDone(lesson.id(), true);
            save();
            w.viewModel().statusProperty().set(Messages.format("lesson.finished", lesson.title()));
        }
    }

    @Override
    public void previous() {
        if (lesson != null && index > 0) {
            go(index - 1);
        }
    }

    /** {@code require: answer} is met: the question answered (revealed), or the goal reached once. */
    private boolean satisfied(CheckpointBox b) {
        Checkpoint c = b.checkpoint();
        if (c.kind() == Checkpoint.Kind.GOAL) {
            LessonProgress.Answer a = progress().answer(lesson.id(), c.id(), questionHash(c));
            return a != null && a.right();
        }
        return b.answered();
    }

    /**
     * The step's checkpoint boxes, one per check block: the first keeps the ids {@code lesson.checkpoint…}
     * (and gets the class poll's button), the k-th (from 2) is {@code lesson.checkpoint.k}. Null when the
     * step has none; one box alone; else the boxes one under the other.
     */
    private Node makeBoxes(Step step) {
        List<CheckpointBox> made = new java.util.ArrayList<>();
        for (Checkpoint c : step.checkpoints()) {
            CheckpointBox b = new CheckpointBox(c, this::render, this::answer);
            if (!made.isEmpty()) {
                b.setId(rnnlab.ui.common.Ids.of("lesson.checkpoint." + (made.size() + 1)));
            }
            made.add(b);
        }
        boxes = List.copyOf(made);
        box = made.isEmpty() ? null : made.get(0);
        lockNext();
        addExtra();
        if (made.size() <= 1) {
            return box;
        }
        VBox all = new VBox(12);
        all.getChildren().addAll(made);
        return all;
    }

    /** The shown box of checkpoint {@code c}, or null (another step shows by now). */
    private CheckpointBox boxOf(Checkpoint c) {
        for (CheckpointBox b : boxes) {
            if (b.checkpoint() == c) {
                return b;
            }
        }
        return null;
    }

    /** Every question of the step (goals aside) has its answer showing: the masked parts may show. */
    private boolean allAnswered() {
        return boxes.stream().allMatch(b -> b.checkpoint().kind() == Checkpoint.Kind.GOAL || b.answered());
    }

    /**
     * The check's {@code reveal:} settings, once its answer shows: the step's scene with them on top, on the
     * same model (the weights stay).
     */
    private void applyReveal(Checkpoint c) {
        if (c.reveal() == null || lesson == null) {
            return;
        }
        int gen = generation;
        Scene sc = lesson.steps().get(index).scene().afterAnswer(c.reveal());
        applied = sc;
        scenes.applyWindowPart(sc);
        commands.apply(sc, false, problem -> {
            if (gen == generation) {
                appliedPosition = w.viewModel().positionProperty().get();
                panel.showProblem(problem);
            }
        });
    }

    /** Back to the first step; the answers given are forgotten. */
    public void restart() {
        if (lesson == null) {
            return;
        }
        progress().reset(lesson.id());
        applied = null;
        go(0);
    }

    /** Closes the lesson: the panel goes, locks and spotlight are released. */
    public void close() {
        generation++;
        goalWatch.stop();
        lesson = null;
        box = null;
        boxes = List.of();
        applied = null;
        open.set(false);
        shown.set(shown.get() + 1);
        w.locks().unlockAll();
        scenes.release();
        w.context().highlightProperty().set(null);
        unmask();
    }

    /**
     * Predict, then reveal: the scene's masked parts are hidden from the checkpoint's time step on (the
     * steps before are its inputs) until the checkpoint is answered; without a step in the question, all steps.
     */
    private void mask(Scene sc, List<Checkpoint> checks) {
        int from = Integer.MAX_VALUE;
        for (Checkpoint c : checks) {
            from = Math.min(from, c.value() != null && c.value().step() > 0 ? c.value().step() - 1 : 0);
        }
        from = from == Integer.MAX_VALUE ? 0 : from;
        w.context().maskProperty().set(sc.maskedParts().isEmpty() ? rnnlab.session.FrameMask.NONE
                : new rnnlab.session.FrameMask(sc.maskedParts(), from));
    }

    /** The step's masked quantities show again (its checkpoint was answered, or the lesson closed). */
    private void unmask() {
        w.context().maskProperty().set(rnnlab.session.FrameMask.NONE);
    }

    /** Opens the lesson list (Lesson ▸ Lessons…). */
    public LessonList showList() {
        LessonList list = new LessonList(w, this);
        list.show();
        return list;
    }

    private void answer(Checkpoint c, String given) {
        answer(c, given, true);
    }

    /**
     * Judges an answer. With {@code retry} a first wrong answer may be tried once more: with the hint if the
     * question has one, else with "try again" (the class poll's reveal shows at once). The first answer is
     * what progress records.
     */
    private void answer(Checkpoint c, String given, boolean retry) {
        int gen = generation;
        String lessonId = lesson.id();
        valueOf(c, v -> {
            CheckpointBox box = boxOf(c);
            if (gen != generation || box == null) {
                return;
            }
            if (Double.isNaN(v) && c.value() != null) {
                box.unavailable();
                return;
            }
            if (given == null) { // a class poll nobody answered: the engine's answer, nobody judged, nothing saved
                settle(lessonId, c); // (a retry left from before is given up: the answer shows)
                box.revealUnjudged(v);
                applyReveal(c);
                if (onRevealed != null) {
                    onRevealed.accept(c, v);
                }
                return;
            }
            boolean right = LessonMarks.judge(c, given, v);
            String hash = questionHash(c);
            // the answer saved for the question as worded now: a saved one means this is not the first answer
            LessonProgress.Answer saved = progress().answer(lessonId, c.id(), hash);
            boolean again = !right && retry && saved == null && !box.hinted() && box.tries() == 0;
            // the first answer is what progress records, with whether its retry is left (the step may be left
            // before the retry and shown again); a retry (or the class poll's reveal while the retry is left)
            // settles the answer and is kept beside it as what the question was revealed with (shown again so)
            if (saved == null) {
                progress().setAnswer(lessonId, c.id(), new LessonProgress.Answer(given, right, hash, again));
                save();
            } else {
                settle(lessonId, c, given);
            }
            if (again) {
                if (c.hint() != null) {
                    box.hint(); // one retry after the hint
                } else {
                    box.tryAgain();
                }
                return;
            }
            box.reveal(given, right, v);
            if (allAnswered()) {
                unmask();
            }
            applyReveal(c);
            if (onRevealed != null) {
                onRevealed.accept(c, v);
            }
            lockNext();
        });
    }

    /** The saved answer to {@code c} has no retry left any more (it is revealed): saved if that changed it. */
    private void settle(String lessonId, Checkpoint c) {
        LessonProgress.Answer a = progress().answer(lessonId, c.id(), questionHash(c));
        if (a != null && a.retryLeft()) {
            progress().setAnswer(lessonId, c.id(), a.settled());
            save();
        }
    }

    /**
     * The same, revealed with {@code shown} (the retry, or the class poll's answer): the first answer stays the
     * score, {@code shown} is kept as what the student ended with. Saved if that changed the answer.
     */
    private void settle(String lessonId, Checkpoint c, String shown) {
        LessonProgress.Answer a = progress().answer(lessonId, c.id(), questionHash(c));
        if (a != null) {
            LessonProgress.Answer b = a.settledWith(shown);
            if (!b.equals(a)) {
                progress().setAnswer(lessonId, c.id(), b);
                save();
            }
        }
    }

    /**
     * Next looks locked (and its tooltip says why) while a {@code require: answer} question of the step is not
     * answered, so that a student does not press it and wonder why nothing happens.
     */
    private void lockNext() {
        panel.lockNext(boxes.stream().anyMatch(b -> b.checkpoint().requireAnswer() && !satisfied(b)));
    }

    /** Changes whenever another step shows or the lesson closes. */
    public javafx.beans.property.ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Changes once the engine has applied the scene of the step shown (its checkpoints can be computed). */
    javafx.beans.property.ReadOnlyIntegerProperty appliedProperty() {
        return appliedGeneration.getReadOnlyProperty();
    }

    /** Whether the engine has applied the scene of the step shown. */
    boolean stepApplied() {
        return lesson != null && appliedGeneration.get() == generation;
    }

    /**
     * The engine's answer to a checkpoint of the step shown, for the teacher's answer key: {@code then} gets
     * it on the FX thread (NaN for a fixed, marked answer or one that cannot be computed), unless another
     * step shows by then.
     */
    void answerKey(Checkpoint c, java.util.function.DoubleConsumer then) {
        int gen = generation;
        valueOf(c, v -> {
            if (gen == generation) {
                then.accept(v);
            }
        });
    }

    /** The checkpoint box shown now, or null (tests). */
    CheckpointBox checkpointBox() {
        return box;
    }

    /** Every checkpoint box shown now, in file order (tests). */
    List<CheckpointBox> checkpointBoxes() {
        return boxes;
    }

    /** The checkpoint shown now, or null. */
    public Checkpoint checkpoint() {
        return box == null ? null : box.checkpoint();
    }

    /**
     * Reveals the shown checkpoint's answer as if {@code given} had been checked (once; a goal is not revealed);
     * with {@code given} null (nobody answered) the answer is shown without a verdict.
     */
    public void revealWith(String given) {
        if (box == null || box.checkpoint().kind() == Checkpoint.Kind.GOAL) {
            return;
        }
        if (!box.answered()) {
            answer(box.checkpoint(), given, false); // the class poll reveals at once
            return;
        }
        // already revealed here (answered, its retry used, or shown again so): the panel stays as the student left
        // it, and the class poll is still told the answer, so the students' page shows it (before, it never did)
        Checkpoint c = box.checkpoint();
        int gen = generation;
        valueOf(c, v -> {
            if (gen == generation && boxOf(c) != null && onRevealed != null) {
                onRevealed.accept(c, v);
            }
        });
    }

    public void setCheckpointExtra(java.util.function.Function<Checkpoint, Node> extra) {
        checkpointExtra = extra;
    }

    public void setOnRevealed(java.util.function.BiConsumer<Checkpoint, Double> listener) {
        onRevealed = listener;
    }

    private void addExtra() {
        if (box != null && checkpointExtra != null) {
            Node n = checkpointExtra.apply(box.checkpoint());
            if (n != null) {
                box.addAction(n);
            }
        }
    }

    /**
     * Reopened step: show the saved answer revealed, or start watching the goal. A first wrong answer whose
     * retry was not used shows as it was left: the hint (or "try again"), the question open for the retry; one
     * whose retry was used shows the retry's answer and verdict (what the student ended with; the score kept
     * in progress stays the first answer).
     */
    private void restoreCheckpoint(int gen) {
        for (CheckpointBox b : boxes) {
            restoreCheckpoint(gen, b);
        }
    }

    private void restoreCheckpoint(int gen, CheckpointBox b) {
        Checkpoint c = b.checkpoint();
        if (c.kind() == Checkpoint.Kind.GOAL) {
            checkGoal();
            return;
        }
        LessonProgress.Answer a = progress().answer(lesson.id(), c.id(), questionHash(c));
        if (a != null) {
            valueOf(c, v -> {
                if (gen == generation && boxOf(c) == b && (!Double.isNaN(v) || c.value() == null)) {
                    // as saved now (the retry may have been used while the value was computed)
                    LessonProgress.Answer now = progress().answer(lesson.id(), c.id(), questionHash(c));
                    if (now != null && now.retryLeft() && !now.right()) {
                        if (b.open() && !b.hinted() && b.tries() == 0) {
                            b.resumeRetry(now.given()); // the mask, reveal: and Next's lock stay until the retry
                        }
                        return;
                    }
                    if (now == null) {
                        return; // forgotten meanwhile (Restart)
                    }
                    // what the student ended with: the retry's answer when there was one (the score stays the first)
                    b.reveal(now.shown(), LessonMarks.judge(c, now.shown(), v), v);
                    if (allAnswered()) {
                        unmask();
                    }
                    applyReveal(c);
                    lockNext();
                }
            });
        }
    }

    /** The hash of the checkpoint's wording in every language (progress is kept by id plus this). */
    private String questionHash(Checkpoint c) {
        LessonEntry e = lesson == null ? null : library().entry(lesson.id());
        return e == null ? null : e.questionHash(c.id());
    }

    private String signature() {
        var vm = w.viewModel();
        return vm.cellTypeProperty().get() + "|" + vm.hiddenSizeProperty().get() + "|" + vm.layersProperty().get() + "|"
                + vm.bidirectionalProperty().get() + "|" + vm.seedProperty().get() + "|" + vm.initialiserProperty().get()
                + "|" + vm.sequenceTextProperty().get();
    }

    /** The engine's value for a checkpoint; NaN at once for a question with a fixed (marked) answer. */
    private void valueOf(Checkpoint c, java.util.function.DoubleConsumer then) {
        if (c.value() == null) {
            then.accept(Double.NaN);
        } else {
            commands.evaluate(c.value(), lesson == null ? null : lesson.steps().get(index).scene().seq2seq(), then);
        }
    }

    private void checkGoal() {
        for (CheckpointBox b : boxes) {
            if (b.checkpoint().kind() == Checkpoint.Kind.GOAL) {
                checkGoal(b);
            }
        }
    }

    private void checkGoal(CheckpointBox b) {
        int gen = generation;
        Checkpoint c = b.checkpoint();
        String lessonId = lesson.id();
        commands.evaluate(c.goal(), v -> {
            if (gen != generation || boxOf(c) != b) {
                return;
            }
            if (Double.isNaN(v)) {
                b.unavailable();
                return;
            }
            boolean reached = c.reached(v);
            b.goal(reached, v);
            LessonProgress.Answer before = progress().answer(lessonId, c.id(), questionHash(c));
            if (reached && (before == null || !before.right())) {
                progress().setAnswer(lessonId, c.id(), new LessonProgress.Answer(Checkpoint.format(v), true, questionHash(c)));
                save();
            }
            lockNext();
        });
    }

    /** Saves the progress off the FX thread, one write at a time (each one atomic). */
    private void save() {
        LessonProgress p = progress();
        if (!saver.isShutdown()) {
            saver.execute(() -> {
                try {
                    p.save();
                } catch (java.io.IOException e) {
                    javafx.application.Platform.runLater(() -> w.viewModel().errorProperty()
                            .set(Messages.format("lesson.error.save", String.valueOf(e.getMessage()))));
                }
            });
        }
    }

    /** Waits until the saves asked for so far are written (tests, closing). */
    void flush() throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        saver.execute(done::countDown);
        done.await(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Markdown typeset as the narration is (the same TeX sandbox and cache), at {@code px} in {@code fg}: the class poll's question. */
    VBox typeset(String markdown, double px, Color fg) {
        return Narration.render(markdown, px, fg, tex);
    }

    /** The step's narration with its teacher notes hidden or shown (View ▸ Teacher notes). */
    String narration(Step step) {
        String text = rnnlab.lessons.TeacherNotes.apply(step.narration(), teacherNotes.get(), Messages.get("lesson.note"));
        return step.index() == 0 ? LessonFrontText.before(lesson(), library(), text) : text;
    }

    private VBox render(String markdown) {
        double px = LessonHost.ThemeSettings.BASE_PX * w.theme().fontScale() * (w.presentation().isOn() ? 1.0 : 1.1);
        Color fg = rnnlab.ui.controls.Theme.of(w.theme().isDark(), w.theme().projectorProperty().get()).css("-rl-text");
        java.nio.file.Path dir = lesson == null || lesson.file() == null ? null
                : lesson.file().toAbsolutePath().getParent();
        return Narration.render(markdown, px, fg, tex, dir);
    }

    private void rerender() {
        if (lesson != null) {
            int keep = index;
            Step step = lesson.steps().get(keep);
            Node checks = makeBoxes(step);
            panel.show(lesson.title(), keep, lesson.steps().size(), step.title(), render(narration(step)), checks);
            restoreCheckpoint(generation);
            redrawn.set(redrawn.get() + 1);
        }
    }

    /** Changes whenever the step shown is drawn again in place, with new checkpoint boxes. */
    javafx.beans.property.ReadOnlyIntegerProperty redrawnProperty() {
        return redrawn.getReadOnlyProperty();
    }

    /** The lesson list's mark for an entry: ✓, "step n of m", nothing, or ⚠ and the first problem. */
    String mark(LessonEntry e) {
        return LessonMarks.mark(e, progress(), language(), library().dir());
    }

    List<LessonEntry> entries() {
        return library().entries();
    }
}
