package rnnlab.runs;

import java.nio.file.Path;

/** For {@link RunsFolderTest}: writes runs with large curves into a folder until killed. */
public final class RunsWriterMain {
    static final int POINTS = 20_000;

    public static void main(String[] args) throws Exception {
        RunsFolder f = new RunsFolder(Path.of(args[0]));
        for (int i = 0; ; i++) {
            f.write(RunsFolderTest.record("run-" + i, POINTS, 0.1));
        }
    }
}
