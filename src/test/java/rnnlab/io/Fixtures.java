package rnnlab.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The PyTorch fixtures copied into src/test/resources/fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/MANIFEST.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path path(String file) {
        return dir().resolve(file);
    }

    /** Names of every case that has a model, a sequence and a trace. */
    public static List<String> names() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".trace.json"))
                    .map(n -> n.substring(0, n.length() - ".trace.json".length()))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
