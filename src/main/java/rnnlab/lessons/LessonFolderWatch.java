package rnnlab.lessons;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Watches a teacher's lesson folder (and nothing else) on its own daemon thread with java.nio's
 * {@link WatchService}. Changes that come in a burst (an editor writing a temp file and renaming it)
 * are reported once, after {@code quietMillis} without further change. The listener runs on the watch
 * thread: the UI hands it to its own thread. {@link #close()} stops the thread.
 */
public final class LessonFolderWatch implements AutoCloseable {
    private final WatchService service;
    private final Thread thread;

    private LessonFolderWatch(WatchService service, Thread thread) {
        this.service = service;
        this.thread = thread;
    }

    /** Starts watching {@code dir}; fails with an IOException when the folder cannot be watched. */
    public static LessonFolderWatch start(Path dir, long quietMillis, Runnable changed) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        Thread t = new Thread(() -> loop(service, quietMillis, changed), "lesson-folder-watch");
        t.setDaemon(true);
        LessonFolderWatch w = new LessonFolderWatch(service, t);
        t.start();
        return w;
    }

    private static void loop(WatchService service, long quietMillis, Runnable changed) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                // let the burst settle: keep draining until the folder is quiet
                WatchKey more;
                while ((more = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    changed.run();
                } catch (RuntimeException e) {
                    // a failing listener must not end the watch
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
